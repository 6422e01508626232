package io.switchboard.support.identity;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.switchboard.api.common.Role;
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

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.support.identity.TokenRequests.refused;
import static io.switchboard.support.identity.TokenRequests.whoAmI;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Keycloak's access tokens, verified against the realm's key set ({@code jwk-set-uri}, RS256 by default):
 * roles in {@code realm_access.roles}, the org in a custom claim added by a user-attribute mapper.
 */
@WebMvcTest
@ContextConfiguration(classes = TokenTestApplication.class)
class KeycloakTokensTest {

    private static final RSAKey REALM_KEY = TestTokens.rsaKey("realm-rsa");
    /** Published too, but ES256 is not among the pinned algorithms here. */
    private static final ECKey REALM_EC_KEY = TestTokens.ecKey("realm-ec");
    private static final StandInIdentityProvider KEYCLOAK =
            StandInIdentityProvider.start("/realms/switchboard", REALM_KEY, REALM_EC_KEY);
    private static final String USER = UUID.randomUUID().toString();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("switchboard.security.jwt.jwk-set-uri", KEYCLOAK::jwkSetUri);
        registry.add("switchboard.security.jwt.issuer", KEYCLOAK::issuer);
        registry.add("switchboard.security.jwt.audiences", () -> "switchboard-api");
        registry.add("switchboard.security.jwt.claims.org", () -> "org_id");
        registry.add("switchboard.security.jwt.claims.roles", () -> "realm_access.roles");
    }

    @AfterAll
    static void stop() {
        KEYCLOAK.close();
    }

    /** As Keycloak issues them: typ Bearer, azp, scope, resource_access beside realm_access. */
    private static JWTClaimsSet.Builder keycloakToken() {
        return TestTokens.validFor(USER)
                .issuer(KEYCLOAK.issuer())
                .audience(List.of("switchboard-api", "account"))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", "switchboard-web")
                .claim("scope", "openid profile email")
                .claim("preferred_username", "alice")
                .claim("realm_access", Map.of("roles",
                        List.of("default-roles-switchboard", "offline_access", "uma_authorization", "org-admin")))
                .claim("resource_access", Map.of("account", Map.of("roles", List.of("manage-account"))))
                .claim("org_id", "acme");
    }

    @Test
    @DisplayName("Tokens: a Keycloak RS256 token is verified by the realm's key set and read from realm_access.roles")
    void keycloakToken_isRead() throws Exception {
        whoAmI(mvc, TestTokens.rs256(REALM_KEY, keycloakToken().build()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(USER))
                .andExpect(jsonPath("$.orgId").value("acme"))
                .andExpect(jsonPath("$.roles").value(contains("ORG_ADMIN")));
    }

    @Test
    @DisplayName("Tokens: a token signed by another key under the realm's key id answers 401")
    void otherKey() throws Exception {
        RSAKey impostor = TestTokens.rsaKey(REALM_KEY.getKeyID());
        refused(mvc, TestTokens.rs256(impostor, keycloakToken().build()));
    }

    @Test
    @DisplayName("Tokens: an HS256 token answers 401 when a key set is configured, even keyed with the public key")
    void symmetricTokenAgainstKeySet() throws Exception {
        refused(mvc, TestTokens.hs256KeyedWith(REALM_KEY, keycloakToken().build()));
        refused(mvc, DevTokens.mint(TestTokens.SECRET, USER, "acme", List.of(Role.ORG_ADMIN), Instant.now(),
                Duration.ofMinutes(5)));
    }

    @Test
    @DisplayName("Tokens: an ES256 token by a published key answers 401 while only RS256 is pinned")
    void algorithmNotPinned() throws Exception {
        refused(mvc, TestTokens.es256(REALM_EC_KEY, keycloakToken().build()));
    }

    @Test
    @DisplayName("Tokens: an unsigned Keycloak-shaped token (alg: none) answers 401")
    void unsigned() throws Exception {
        refused(mvc, TestTokens.unsigned(keycloakToken().build()));
    }

    @Test
    @DisplayName("Tokens: an expired Keycloak token answers 401")
    void expired() throws Exception {
        refused(mvc, TestTokens.rs256(REALM_KEY, keycloakToken()
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(2)))).build()));
    }

    @Test
    @DisplayName("Tokens: a token of another realm (issuer) answers 401")
    void otherRealm() throws Exception {
        refused(mvc, TestTokens.rs256(REALM_KEY, keycloakToken()
                .issuer(KEYCLOAK.issuer().replace("switchboard", "other")).build()));
    }

    @Test
    @DisplayName("Tokens: a Keycloak token without the org claim answers 401")
    void withoutOrg() throws Exception {
        refused(mvc, TestTokens.rs256(REALM_KEY, keycloakToken().claim("org_id", null).build()));
    }
}
