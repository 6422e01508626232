package io.switchboard.support.identity;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.switchboard.testing.identity.TokenTestApplication;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.function.ThrowingConsumer;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.switchboard.support.identity.TestTokens.SECRET;
import static io.switchboard.support.identity.TokenRequests.refused;
import static io.switchboard.support.identity.TokenRequests.whoAmI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every token is checked for, whichever the key source: the configured {@code iss}, an {@code aud} with one
 * of the configured audiences, and {@code exp} and {@code nbf} within the configured clock skew. Each test runs
 * against a service verifying with the shared secret, with a JWK set and with OIDC discovery (both served by a
 * local stand-in identity provider), and changes one claim of a token the service otherwise accepts.
 */
class IssuerAudienceAndSkewTest {

    private static final String JWT = "switchboard.security.jwt.";
    private static final String SECRET_ISSUER = "https://id.switchboard.test";
    private static final RSAKey KEY = TestTokens.rsaKey("realm-rsa");
    private static final StandInIdentityProvider PROVIDER = StandInIdentityProvider.start("/realms/switchboard", KEY);

    private final WebApplicationContextRunner services = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class, JacksonAutoConfiguration.class,
                    WebMvcAutoConfiguration.class))
            .withUserConfiguration(TokenTestApplication.class)
            .withPropertyValues(JWT + "audiences=switchboard-api, switchboard-admin", JWT + "clock-skew=10s");

    /** How a service is configured for one key source, the issuer its tokens carry, and how they are signed. */
    record KeySource(String name, List<String> properties, String issuer, Function<JWTClaimsSet, String> signer) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<KeySource> keySources() {
        Function<JWTClaimsSet, String> bySecret = claims -> TestTokens.hs256(SECRET, claims);
        Function<JWTClaimsSet, String> byKey = claims -> TestTokens.rs256(KEY, claims);
        return Stream.of(
                new KeySource("shared secret", List.of(JWT + "hmac-secret=" + SECRET, JWT + "issuer=" + SECRET_ISSUER),
                        SECRET_ISSUER, bySecret),
                new KeySource("JWK set URI",
                        List.of(JWT + "jwk-set-uri=" + PROVIDER.jwkSetUri(), JWT + "issuer=" + PROVIDER.issuer()),
                        PROVIDER.issuer(), byKey),
                // no issuer configured: it is the issuer URI
                new KeySource("OIDC issuer URI", List.of(JWT + "issuer-uri=" + PROVIDER.issuer()), PROVIDER.issuer(),
                        byKey));
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    private static JWTClaimsSet.Builder valid(KeySource source) {
        return TestTokens.validFor("alice").issuer(source.issuer()).audience(List.of("billing", "switchboard-admin"))
                .claim("org", "acme").claim("roles", "MEMBER");
    }

    private static String token(KeySource source, JWTClaimsSet.Builder claims) {
        return source.signer().apply(claims.build());
    }

    private static Date in(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    /** Starts a service configured for {@code source} and sends it the requests. */
    private void withService(KeySource source, ThrowingConsumer<MockMvc> requests) {
        services.withPropertyValues(source.properties().toArray(String[]::new)).run(context -> {
            assertThat(context).hasNotFailed();
            Filter security = context.getBean(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME,
                    Filter.class);
            requests.acceptWithException(MockMvcBuilders.webAppContextSetup(context).addFilters(security).build());
        });
    }

    private void accepted(KeySource source, JWTClaimsSet.Builder claims) {
        withService(source, mvc -> whoAmI(mvc, token(source, claims))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("alice")));
    }

    private void refusedBy(KeySource source, JWTClaimsSet.Builder claims) {
        withService(source, mvc -> refused(mvc, token(source, claims)));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("keySources")
    @DisplayName("§6: a token of the configured issuer for one of the configured audiences is accepted in every "
            + "key-source mode")
    void matching(KeySource source) {
        accepted(source, valid(source));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("keySources")
    @DisplayName("§6: a single audience given as a string is accepted in every key-source mode")
    void audienceAsString(KeySource source) {
        accepted(source, valid(source).audience("switchboard-api"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("keySources")
    @DisplayName("§6: a token without iss is refused in every key-source mode")
    void noIssuer(KeySource source) {
        refusedBy(source, valid(source).issuer(null));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("keySources")
    @DisplayName("§6: a token of another issuer is refused in every key-source mode")
    void wrongIssuer(KeySource source) {
        refusedBy(source, valid(source).issuer("https://evil.example"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("keySources")
    @DisplayName("§6: a token without aud is refused in every key-source mode")
    void noAudience(KeySource source) {
        refusedBy(source, valid(source).audience((String) null));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("keySources")
    @DisplayName("§6: a token for none of the configured audiences is refused in every key-source mode")
    void wrongAudience(KeySource source) {
        refusedBy(source, valid(source).audience(List.of("billing", "reporting")));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("keySources")
    @DisplayName("§6: a token whose nbf lies beyond the clock skew is refused in every key-source mode (20 s ahead "
            + "with 10 s; 5 s ahead passes)")
    void notBeforeBeyondSkew(KeySource source) {
        withService(source, mvc -> {
            whoAmI(mvc, token(source, valid(source).notBeforeTime(in(5)))).andExpect(status().isOk());
            refused(mvc, token(source, valid(source).notBeforeTime(in(20))));
        });
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("keySources")
    @DisplayName("§6: a token whose exp lies beyond the clock skew is refused in every key-source mode (20 s ago "
            + "with 10 s; 5 s ago passes)")
    void expiryBeyondSkew(KeySource source) {
        withService(source, mvc -> {
            whoAmI(mvc, token(source, valid(source).expirationTime(in(-5)))).andExpect(status().isOk());
            refused(mvc, token(source, valid(source).expirationTime(in(-20))));
        });
    }
}
