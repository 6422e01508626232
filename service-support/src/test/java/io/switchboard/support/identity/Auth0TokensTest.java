package io.switchboard.support.identity;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.switchboard.testing.identity.TokenTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static io.switchboard.support.identity.TokenRequests.refused;
import static io.switchboard.support.identity.TokenRequests.whoAmI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Auth0's access tokens, found through OpenID Connect discovery ({@code issuer-uri}, which Auth0 writes with a
 * trailing slash): org and roles in namespaced claims whose names contain dots, two algorithms pinned.
 */
@WebMvcTest
@ContextConfiguration(classes = TokenTestApplication.class)
class Auth0TokensTest {

    private static final String API = "https://api.switchboard.io";
    private static final String ORG_CLAIM = "https://switchboard.io/org";
    private static final String ROLES_CLAIM = "https://switchboard.io/roles";
    private static final RSAKey TENANT_KEY = TestTokens.rsaKey("tenant-rsa");
    private static final ECKey TENANT_EC_KEY = TestTokens.ecKey("tenant-ec");
    private static final StandInIdentityProvider AUTH0 = StandInIdentityProvider.start("/", TENANT_KEY, TENANT_EC_KEY);

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void auth0(DynamicPropertyRegistry registry) {
        registry.add("switchboard.security.jwt.issuer-uri", AUTH0::issuer);
        registry.add("switchboard.security.jwt.jws-algorithms", () -> "RS256,ES256");
        registry.add("switchboard.security.jwt.audiences", () -> API);
        registry.add("switchboard.security.jwt.claims.org", () -> ORG_CLAIM);
        registry.add("switchboard.security.jwt.claims.roles", () -> ROLES_CLAIM);
    }

    @AfterAll
    static void stop() {
        AUTH0.close();
    }

    private static JWTClaimsSet.Builder auth0Token() {
        return TestTokens.validFor("auth0|64f1c2d3e4b5a6978899aabb")
                .issuer(AUTH0.issuer())
                .audience(List.of(API, AUTH0.issuer() + "userinfo"))
                .claim("azp", "kR2nS1XvQ0")
                .claim("scope", "openid profile")
                .claim(ORG_CLAIM, "acme")
                .claim(ROLES_CLAIM, List.of("MANAGER"));
    }

    @Test
    @DisplayName("Tokens: an Auth0 RS256 token is verified through discovery and read from namespaced claims")
    void auth0Token_isRead() throws Exception {
        whoAmI(mvc, TestTokens.rs256(TENANT_KEY, auth0Token().build()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("auth0|64f1c2d3e4b5a6978899aabb"))
                .andExpect(jsonPath("$.orgId").value("acme"))
                .andExpect(jsonPath("$.roles").value(contains("MANAGER")));
        assertThat(AUTH0.discoveryRequests()).isGreaterThanOrEqualTo(1);
        assertThat(AUTH0.keySetRequests()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("Tokens: an ES256 token is accepted when ES256 is among the pinned algorithms")
    void ellipticCurveToken() throws Exception {
        whoAmI(mvc, TestTokens.es256(TENANT_EC_KEY, auth0Token().build()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgId").value("acme"));
    }

    @Test
    @DisplayName("Tokens: an Auth0 token for another API (audience) answers 401")
    void otherAudience() throws Exception {
        refused(mvc, TestTokens.rs256(TENANT_KEY, auth0Token().audience("https://api.other.io").build()));
    }

    @Test
    @DisplayName("Tokens: a token whose iss is not the discovered issuer answers 401")
    void otherTenant() throws Exception {
        refused(mvc, TestTokens.rs256(TENANT_KEY, auth0Token().issuer("https://other-tenant.auth0.com/").build()));
    }

    @Test
    @DisplayName("Tokens: an HS256 token answers 401 when the issuer's key set is configured")
    void symmetricToken() throws Exception {
        refused(mvc, TestTokens.hs256(TestTokens.SECRET, auth0Token().build()));
    }

    @Test
    @DisplayName("Tokens: an Auth0 token without the namespaced org claim answers 401")
    void withoutOrg() throws Exception {
        refused(mvc, TestTokens.rs256(TENANT_KEY, auth0Token().claim(ORG_CLAIM, null).claim("org", "acme").build()));
    }
}
