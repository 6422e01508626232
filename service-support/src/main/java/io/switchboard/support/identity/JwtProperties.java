package io.switchboard.support.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How bearer tokens are verified and read ({@code switchboard.security.jwt.*}).
 *
 * <p>Exactly one key source: {@code hmacSecret} (a shared HS256 secret of at least 32 bytes, what the dev
 * tooling mints with), {@code jwkSetUri} (the identity provider's key set) or {@code issuerUri} (its OpenID
 * Connect discovery, which names the key set). {@code jwsAlgorithms} pins the algorithms a key set may sign
 * with (default RS256). {@code issuer} and {@code audiences} are required with every key source (with
 * {@code issuerUri} the issuer defaults to that): a token's {@code iss} must equal the issuer and its
 * {@code aud} contain one of the audiences. {@code clockSkew} (default 60 s) is the tolerance on {@code exp}
 * and {@code nbf}.
 *
 * <p>Blank values count as unset, so that an empty environment variable means "not configured".
 */
@ConfigurationProperties("switchboard.security.jwt")
public record JwtProperties(String hmacSecret, String jwkSetUri, String issuerUri, List<String> jwsAlgorithms,
                            String issuer, List<String> audiences, Duration clockSkew, Claims claims) {

    static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    public JwtProperties {
        hmacSecret = hmacSecret == null || hmacSecret.isBlank() ? null : hmacSecret;
        jwkSetUri = blankToNull(jwkSetUri);
        issuerUri = blankToNull(issuerUri);
        jwsAlgorithms = nonBlank(jwsAlgorithms);
        issuer = blankToNull(issuer);
        audiences = nonBlank(audiences);
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        claims = claims == null ? new Claims(null, null, null, null) : claims;
    }

    /**
     * Where user, org and roles are read. Each is a claim name, or a dotted path into nested claims
     * ({@code realm_access.roles}, {@code app_metadata.org_id}); a name that exists verbatim as a top-level
     * claim ({@code https://switchboard.io/roles}) wins over the path. Roles may be a list or a string
     * separated by spaces or commas; when {@code rolePrefix} is set, only roles that start with it count
     * and the prefix is dropped ({@code switchboard:org_admin} with prefix {@code switchboard:}).
     */
    public record Claims(String user, String org, String roles, String rolePrefix) {
        public Claims {
            user = Objects.requireNonNullElse(blankToNull(user), "sub");
            org = Objects.requireNonNullElse(blankToNull(org), "org");
            roles = Objects.requireNonNullElse(blankToNull(roles), "roles");
            rolePrefix = blankToNull(rolePrefix);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .toList();
    }
}
