package io.switchboard.support.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.switchboard.api.common.Role;
import io.switchboard.testing.identity.TokenTestApplication;
import io.switchboard.testing.identity.WhoAmIController;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.switchboard.support.identity.TestTokens.SECRET;
import static io.switchboard.support.identity.TokenRequests.refused;
import static io.switchboard.support.identity.TokenRequests.whoAmI;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shared HS256 secret, configured as the dev tooling configures the services ({@link DevTokens#properties}:
 * the secret and the development issuer and audience), every other variable empty as application.yml leaves it.
 * The dev tooling's tokens keep working; every bad token is a 401.
 */
@WebMvcTest(properties = {
        "switchboard.security.jwt.jwk-set-uri=",
        "switchboard.security.jwt.issuer-uri=",
        "switchboard.security.jwt.jws-algorithms=",
        "switchboard.security.jwt.clock-skew=",
        "switchboard.security.jwt.claims.user=",
        "switchboard.security.jwt.claims.org=",
        "switchboard.security.jwt.claims.roles=",
        "switchboard.security.jwt.claims.role-prefix="})
@ContextConfiguration(classes = TokenTestApplication.class)
class SharedSecretTokensTest {

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void devTokens(DynamicPropertyRegistry registry) {
        DevTokens.properties(SECRET).forEach((name, value) -> registry.add(name, () -> value));
    }

    private static String devToken(Instant now, Duration validFor) {
        return DevTokens.mint(SECRET, "alice", "acme", List.of(Role.MEMBER, Role.MANAGER), now, validFor);
    }

    /** Claims as a dev token has them, to change one of them at a time. */
    private static JWTClaimsSet.Builder devClaims(String subject) {
        return TestTokens.validFor(subject).issuer(DevTokens.ISSUER).audience(DevTokens.AUDIENCE).claim("org", "acme");
    }

    @Test
    @DisplayName("§6: a dev token (HS256, the shared secret) is read as its user, org and roles")
    void devToken() throws Exception {
        whoAmI(mvc, devToken(Instant.now(), Duration.ofMinutes(5)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("alice"))
                .andExpect(jsonPath("$.orgId").value("acme"))
                .andExpect(jsonPath("$.roles").value(contains("MANAGER", "MEMBER")));
    }

    @Test
    @DisplayName("§6: a request without a bearer token answers 401 UNAUTHENTICATED")
    void noToken() throws Exception {
        refused(mvc.perform(get(WhoAmIController.PATH)));
    }

    @Test
    @DisplayName("Tokens: a malformed token answers 401")
    void malformed() throws Exception {
        refused(mvc, "not.a.token");
    }

    @Test
    @DisplayName("Tokens: an expired token answers 401")
    void expired() throws Exception {
        refused(mvc, devToken(Instant.now().minus(Duration.ofMinutes(10)), Duration.ofMinutes(5)));
    }

    @Test
    @DisplayName("Tokens: a token that expired less than the default clock skew (60 s) ago is still accepted")
    void expiredWithinSkew() throws Exception {
        whoAmI(mvc, devToken(Instant.now().minus(Duration.ofSeconds(330)), Duration.ofMinutes(5)))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("Tokens: a token not valid yet (nbf in the future) answers 401")
    void notYetValid() throws Exception {
        refused(mvc, devToken(Instant.now().plus(Duration.ofMinutes(10)), Duration.ofMinutes(5)));
    }

    @Test
    @DisplayName("Tokens: a token without exp answers 401")
    void withoutExpiry() throws Exception {
        refused(mvc, TestTokens.hs256(SECRET, devClaims("alice").expirationTime(null).build()));
    }

    @Test
    @DisplayName("Tokens: an unsigned token (alg: none) answers 401")
    void unsigned() throws Exception {
        refused(mvc, TestTokens.unsigned(devClaims("alice").claim("roles", List.of("ORG_ADMIN")).build()));
    }

    @Test
    @DisplayName("Tokens: a token signed with another secret answers 401")
    void otherSecret() throws Exception {
        refused(mvc, DevTokens.mint(TestTokens.OTHER_SECRET, "alice", "acme", List.of(Role.ORG_ADMIN),
                Instant.now(), Duration.ofMinutes(5)));
    }

    @Test
    @DisplayName("Tokens: an RS256 token answers 401 when the shared secret is configured (the algorithm is pinned)")
    void asymmetricTokenAgainstSecret() throws Exception {
        refused(mvc, TestTokens.rs256(TestTokens.rsaKey("k1"), devClaims("alice").build()));
    }

    @Test
    @DisplayName("Tokens: a token without the org claim answers 401")
    void withoutOrg() throws Exception {
        refused(mvc, TestTokens.hs256(SECRET, devClaims("alice").claim("org", null).claim("roles", List.of("MEMBER"))
                .build()));
    }

    @Test
    @DisplayName("Tokens: a token with a blank subject answers 401")
    void blankSubject() throws Exception {
        refused(mvc, TestTokens.hs256(SECRET, devClaims(" ").build()));
    }

    @Test
    @DisplayName("Tokens: a token of another type (typ: secevent+jwt) answers 401")
    void otherType() throws Exception {
        refused(mvc, TestTokens.hs256WithType(SECRET, "secevent+jwt", devClaims("alice").build()));
    }

    @Test
    @DisplayName("Tokens: an RFC 9068 access token (typ: at+jwt) is accepted")
    void accessTokenType() throws Exception {
        whoAmI(mvc, TestTokens.hs256WithType(SECRET, "at+jwt", devClaims("alice")
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).build()))
                .andExpect(status().isOk());
    }
}
