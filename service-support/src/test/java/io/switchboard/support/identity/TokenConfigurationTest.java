package io.switchboard.support.identity;

import io.switchboard.support.web.ProblemWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static io.switchboard.support.identity.TestTokens.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Startup with the services' security configuration: exactly one key source, an issuer and an audience, or a
 * clear refusal.
 */
class TokenConfigurationTest {

    private static final String JWT = "switchboard.security.jwt.";
    private static final String ISSUER = JWT + "issuer=https://id.example";
    private static final String AUDIENCES = JWT + "audiences=switchboard-api";

    private final WebApplicationContextRunner services = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class, JacksonAutoConfiguration.class,
                    WebMvcAutoConfiguration.class))
            .withUserConfiguration(SecurityConfiguration.class, ProblemWriter.class);

    /** What application.yml says when none of the SWITCHBOARD_JWT_* variables is set. */
    private static final String[] EMPTY_ENVIRONMENT = {
            JWT + "hmac-secret=", JWT + "jwk-set-uri=", JWT + "issuer-uri=", JWT + "jws-algorithms=",
            JWT + "issuer=", JWT + "audiences=", JWT + "clock-skew=", JWT + "claims.user=", JWT + "claims.org=",
            JWT + "claims.roles=", JWT + "claims.role-prefix="};

    private void refusesToStart(String message, String... properties) {
        services.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(message);
        });
    }

    @Test
    @DisplayName("Tokens: without any key source the services refuse to start, naming the three variables")
    void noKeySource() {
        services.withPropertyValues(EMPTY_ENVIRONMENT).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("exactly one key source")
                    .hasMessageContaining("switchboard.security.jwt.hmac-secret (environment SWITCHBOARD_JWT_SECRET)")
                    .hasMessageContaining("SWITCHBOARD_JWT_JWK_SET_URI")
                    .hasMessageContaining("SWITCHBOARD_JWT_ISSUER_URI")
                    .hasMessageContaining("none is set");
        });
        refusesToStart("none is set");
    }

    @Test
    @DisplayName("Tokens: two key sources at once are refused at startup")
    void twoKeySources() {
        refusesToStart("found switchboard.security.jwt.hmac-secret (environment SWITCHBOARD_JWT_SECRET) and "
                        + "switchboard.security.jwt.jwk-set-uri (environment SWITCHBOARD_JWT_JWK_SET_URI)",
                JWT + "hmac-secret=" + SECRET, JWT + "jwk-set-uri=https://id.example/keys");
        refusesToStart("and switchboard.security.jwt.issuer-uri (environment SWITCHBOARD_JWT_ISSUER_URI)",
                JWT + "jwk-set-uri=https://id.example/keys", JWT + "issuer-uri=https://id.example");
    }

    @Test
    @DisplayName("Tokens: a shared secret shorter than 32 bytes is refused at startup")
    void shortSecret() {
        refusesToStart("hmac-secret (environment SWITCHBOARD_JWT_SECRET) must be at least 32 bytes",
                JWT + "hmac-secret=0123456789012345678901234567890");
    }

    @Test
    @DisplayName("Tokens: a key source that is not an http(s) URL is refused at startup")
    void notAUrl() {
        refusesToStart("jwk-set-uri (environment SWITCHBOARD_JWT_JWK_SET_URI) must be an absolute http(s) URL",
                JWT + "jwk-set-uri=keys.json");
        refusesToStart("issuer-uri (environment SWITCHBOARD_JWT_ISSUER_URI) must be an absolute http(s) URL",
                JWT + "issuer-uri=file:///etc/issuer");
    }

    @Test
    @DisplayName("Tokens: HS256 cannot be pinned for a key set, nor an asymmetric algorithm for a secret")
    void algorithmsThatDoNotFit() {
        refusesToStart("jws-algorithms (environment SWITCHBOARD_JWT_ALGORITHMS) lists 'HS256'",
                JWT + "jwk-set-uri=https://id.example/keys", JWT + "jws-algorithms=RS256,HS256");
        refusesToStart("a shared secret verifies HS256 only",
                JWT + "hmac-secret=" + SECRET, JWT + "jws-algorithms=RS256");
    }

    @Test
    @DisplayName("Tokens: a negative clock skew is refused at startup")
    void negativeSkew() {
        refusesToStart("clock-skew (environment SWITCHBOARD_JWT_CLOCK_SKEW) must not be negative",
                JWT + "hmac-secret=" + SECRET, JWT + "clock-skew=-5s");
    }

    @Test
    @DisplayName("§6: the service does not start without an issuer, naming the variable (shared secret, JWK set)")
    void noIssuer() {
        String message = "switchboard.security.jwt.issuer (environment SWITCHBOARD_JWT_ISSUER)";
        refusesToStart(message, JWT + "hmac-secret=" + SECRET, AUDIENCES);
        refusesToStart(message, JWT + "hmac-secret=" + SECRET, JWT + "issuer= ", AUDIENCES);
        refusesToStart(message, JWT + "jwk-set-uri=https://id.example/keys", AUDIENCES);
        refusesToStart(message, JWT + "hmac-secret=" + SECRET);
    }

    @Test
    @DisplayName("§6: the service does not start without an audience, naming the variable, in every key-source mode")
    void noAudience() {
        String message = "switchboard.security.jwt.audiences (environment SWITCHBOARD_JWT_AUDIENCES)";
        refusesToStart(message, JWT + "hmac-secret=" + SECRET, ISSUER);
        refusesToStart(message, JWT + "hmac-secret=" + SECRET, ISSUER, JWT + "audiences= , ");
        refusesToStart(message, JWT + "jwk-set-uri=https://id.example/keys", ISSUER);
        refusesToStart(message, JWT + "hmac-secret=" + SECRET);
        // with issuer-uri the issuer is that URI: the audience alone is missing
        services.withPropertyValues(JWT + "issuer-uri=https://id.example/realms/switchboard").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining(message)
                        .hasMessageNotContaining("SWITCHBOARD_JWT_ISSUER)"));
    }

    @Test
    @DisplayName("Tokens: empty variables mean unset: the secret, issuer and audience alone start with the defaults")
    void emptyMeansUnset() {
        services.withPropertyValues(EMPTY_ENVIRONMENT)
                .withPropertyValues(JWT + "hmac-secret=" + SECRET, ISSUER, AUDIENCES)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class);
                    JwtProperties properties = context.getBean(JwtProperties.class);
                    assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(properties.jwsAlgorithms()).isEmpty();
                    assertThat(properties.issuerUri()).isNull();
                    assertThat(properties.claims()).isEqualTo(new JwtProperties.Claims("sub", "org", "roles", null));
                });
    }

    @Test
    @DisplayName("Tokens: audiences and algorithms are comma-separated lists, the clock skew a duration")
    void lists() {
        services.withPropertyValues(JWT + "jwk-set-uri=https://id.example/keys", ISSUER,
                        JWT + "audiences=switchboard-api, account", JWT + "jws-algorithms=RS256, ES256",
                        JWT + "clock-skew=30s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JwtProperties properties = context.getBean(JwtProperties.class);
                    assertThat(properties.audiences()).containsExactly("switchboard-api", "account");
                    assertThat(properties.jwsAlgorithms()).containsExactly("RS256", "ES256");
                    assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    @DisplayName("Tokens: with issuer-uri the services start while the identity provider is unreachable")
    void discoveryIsLazy() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        services.withPropertyValues(JWT + "issuer-uri=http://127.0.0.1:" + closedPort + "/realms/switchboard",
                        AUDIENCES)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    String token = TestTokens.rs256(TestTokens.rsaKey("k"), TestTokens.validFor("alice").build());
                    assertThatThrownBy(() -> context.getBean(JwtDecoder.class).decode(token))
                            .isInstanceOf(JwtDecoderInitializationException.class);
                });
    }

    @Test
    @DisplayName("Tokens: the algorithm names are read case-insensitively and kept in order")
    void algorithmNames() {
        assertThat(new JwtProperties(null, "https://id.example/keys", null, List.of(" es256 ", ""), null, null,
                null, null).jwsAlgorithms()).containsExactly("es256");
        services.withPropertyValues(JWT + "jwk-set-uri=https://id.example/keys", JWT + "jws-algorithms=es256",
                        ISSUER, AUDIENCES)
                .run(context -> assertThat(context).hasNotFailed());
    }
}
