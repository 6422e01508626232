package io.switchboard.support.identity;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the one {@link JwtDecoder} the configuration asks for, from Spring Security's own parts, and refuses
 * a configuration that is missing or ambiguous, naming the property and its environment variable.
 *
 * <p>The signing algorithm is pinned: a shared secret accepts HS256 only, a key set only the asymmetric
 * algorithms configured (RS256 unless told otherwise), so neither accepts the other's tokens, and a token
 * with {@code alg: none} is refused by both. Every token must carry {@code exp}, the configured {@code iss}
 * and an {@code aud} with one of the configured audiences, whichever the key source: a key alone would accept
 * any token its issuer signs, also those meant for other services. {@code exp} and {@code nbf} are checked
 * with the configured clock skew.
 */
final class TokenDecoders {

    static final int MIN_SECRET_BYTES = 32;
    static final SignatureAlgorithm DEFAULT_KEY_SET_ALGORITHM = SignatureAlgorithm.RS256;

    private static final String PREFIX = "switchboard.security.jwt.";
    private static final Duration IDENTITY_PROVIDER_TIMEOUT = Duration.ofSeconds(5);
    /** {@code typ} values of access tokens (RFC 9068 uses {@code at+jwt}); a token without {@code typ} passes. */
    private static final List<String> TOKEN_TYPES = List.of("JWT", "at+jwt", "application/at+jwt");

    private TokenDecoders() {
    }

    static JwtDecoder create(JwtProperties properties) {
        List<String> sources = new ArrayList<>();
        if (properties.hmacSecret() != null) {
            sources.add(describe("hmac-secret", "SWITCHBOARD_JWT_SECRET"));
        }
        if (properties.jwkSetUri() != null) {
            sources.add(describe("jwk-set-uri", "SWITCHBOARD_JWT_JWK_SET_URI"));
        }
        if (properties.issuerUri() != null) {
            sources.add(describe("issuer-uri", "SWITCHBOARD_JWT_ISSUER_URI"));
        }
        if (sources.size() != 1) {
            throw new IllegalStateException("Bearer tokens need exactly one key source: set one of "
                    + describe("hmac-secret", "SWITCHBOARD_JWT_SECRET") + " (HS256, at least " + MIN_SECRET_BYTES
                    + " bytes), " + describe("jwk-set-uri", "SWITCHBOARD_JWT_JWK_SET_URI") + " or "
                    + describe("issuer-uri", "SWITCHBOARD_JWT_ISSUER_URI") + "; "
                    + (sources.isEmpty() ? "none is set" : "found " + String.join(" and ", sources)));
        }
        if (properties.hmacSecret() != null) {
            return withSecret(properties);
        }
        Set<SignatureAlgorithm> algorithms = keySetAlgorithms(properties.jwsAlgorithms());
        if (properties.jwkSetUri() != null) {
            return withJwkSetUri(properties, algorithms);
        }
        return withIssuerUri(properties, algorithms);
    }

    private static JwtDecoder withSecret(JwtProperties properties) {
        byte[] secret = properties.hmacSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(describe("hmac-secret", "SWITCHBOARD_JWT_SECRET")
                    + " must be at least " + MIN_SECRET_BYTES + " bytes; it has " + secret.length);
        }
        if (!properties.jwsAlgorithms().isEmpty()
                && !properties.jwsAlgorithms().equals(List.of(MacAlgorithm.HS256.getName()))) {
            throw new IllegalStateException(describe("jws-algorithms", "SWITCHBOARD_JWT_ALGORITHMS")
                    + " applies to a key set (jwk-set-uri or issuer-uri); a shared secret verifies HS256 only, "
                    + "but it is " + properties.jwsAlgorithms());
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .validateType(false)
                .build();
        decoder.setJwtValidator(validator(properties, properties.issuer()));
        return decoder;
    }

    private static JwtDecoder withJwkSetUri(JwtProperties properties, Set<SignatureAlgorithm> algorithms) {
        String uri = httpUri(properties.jwkSetUri(), "jwk-set-uri", "SWITCHBOARD_JWT_JWK_SET_URI");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(uri)
                .jwsAlgorithms(pinned -> pinned.addAll(algorithms))
                .restOperations(identityProviderClient())
                .validateType(false)
                .build();
        decoder.setJwtValidator(validator(properties, properties.issuer()));
        return decoder;
    }

    /**
     * The discovery document is read on the first token, not at startup (as Spring Boot does), so that a
     * service starts while its identity provider is unreachable; a failed discovery is retried on the next
     * token. Discovery checks that the provider names the same issuer.
     */
    private static JwtDecoder withIssuerUri(JwtProperties properties, Set<SignatureAlgorithm> algorithms) {
        String issuerUri = httpUri(properties.issuerUri(), "issuer-uri", "SWITCHBOARD_JWT_ISSUER_URI");
        String expectedIssuer = Objects.requireNonNullElse(properties.issuer(), issuerUri);
        OAuth2TokenValidator<Jwt> validator = validator(properties, expectedIssuer);
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuerUri)
                    .jwsAlgorithms(pinned -> pinned.addAll(algorithms))
                    .restOperations(identityProviderClient())
                    .validateType(false)
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties, String expectedIssuer) {
        if (properties.clockSkew().isNegative()) {
            throw new IllegalStateException(describe("clock-skew", "SWITCHBOARD_JWT_CLOCK_SKEW")
                    + " must not be negative, but it is " + properties.clockSkew());
        }
        List<String> audiences = properties.audiences();
        List<String> missing = new ArrayList<>();
        if (expectedIssuer == null) {
            missing.add(describe("issuer", "SWITCHBOARD_JWT_ISSUER") + " to the iss your tokens carry");
        }
        if (audiences.isEmpty()) {
            missing.add(describe("audiences", "SWITCHBOARD_JWT_AUDIENCES")
                    + " to the aud values meant for these services (comma-separated; a token needs one of them)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Bearer tokens are checked for their issuer and audience: set "
                    + String.join(", and ", missing));
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        JwtTypeValidator types = new JwtTypeValidator(TOKEN_TYPES);
        types.setAllowEmpty(true);
        validators.add(types);
        validators.add(new JwtIssuerValidator(expectedIssuer));
        validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        return JwtValidators.createDefaultWithValidators(validators);
    }

    private static Set<SignatureAlgorithm> keySetAlgorithms(List<String> names) {
        if (names.isEmpty()) {
            return Set.of(DEFAULT_KEY_SET_ALGORITHM);
        }
        Set<SignatureAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : names) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.toUpperCase(Locale.ROOT));
            if (algorithm == null) {
                throw new IllegalStateException(describe("jws-algorithms", "SWITCHBOARD_JWT_ALGORITHMS")
                        + " lists '" + name + "', which is not an asymmetric JWS algorithm (RS256, RS384, RS512, "
                        + "ES256, ES384, ES512, PS256, PS384, PS512); for HS256 set hmac-secret instead");
            }
            algorithms.add(algorithm);
        }
        return algorithms;
    }

    private static String httpUri(String value, String property, String environment) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme()))) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalStateException(describe(property, environment)
                + " must be an absolute http(s) URL, but it is '" + value + "'");
    }

    private static RestOperations identityProviderClient() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(IDENTITY_PROVIDER_TIMEOUT);
        requests.setReadTimeout(IDENTITY_PROVIDER_TIMEOUT);
        return new RestTemplate(requests);
    }

    private static String describe(String property, String environment) {
        return PREFIX + property + " (environment " + environment + ")";
    }
}
