package io.switchboard.support.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.switchboard.testing.identity.TokenTestApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.support.identity.TestTokens.SECRET;
import static io.switchboard.support.identity.TokenRequests.refused;
import static io.switchboard.support.identity.TokenRequests.whoAmI;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Supabase Auth's tokens signed with the project's JWT secret (HS256): {@code aud: authenticated}, org and roles
 * in {@code app_metadata}, which only the service role can write (unlike {@code user_metadata}).
 */
@WebMvcTest(properties = {
        "switchboard.security.jwt.hmac-secret=" + SECRET,
        "switchboard.security.jwt.issuer=" + SupabaseTokensTest.ISSUER,
        "switchboard.security.jwt.audiences=authenticated",
        "switchboard.security.jwt.claims.org=app_metadata.org_id",
        "switchboard.security.jwt.claims.roles=app_metadata.roles"})
@ContextConfiguration(classes = TokenTestApplication.class)
class SupabaseTokensTest {

    static final String ISSUER = "https://abcdefghijklmnop.supabase.co/auth/v1";
    private static final String USER = UUID.randomUUID().toString();

    @Autowired
    MockMvc mvc;

    private static JWTClaimsSet.Builder supabaseToken(Map<String, Object> appMetadata) {
        return TestTokens.validFor(USER)
                .issuer(ISSUER)
                .audience("authenticated")
                .claim("email", "alice@acme.test")
                .claim("phone", "")
                .claim("role", "authenticated")
                .claim("aal", "aal1")
                .claim("session_id", UUID.randomUUID().toString())
                .claim("is_anonymous", false)
                .claim("app_metadata", appMetadata)
                .claim("user_metadata", Map.of("email_verified", true));
    }

    @Test
    @DisplayName("Tokens: a Supabase token (HS256, aud authenticated) is read from app_metadata")
    void supabaseToken_isRead() throws Exception {
        whoAmI(mvc, TestTokens.hs256(SECRET, supabaseToken(Map.of("provider", "email",
                "providers", List.of("email"), "org_id", "acme", "roles", "org_admin manager")).build()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(USER))
                .andExpect(jsonPath("$.orgId").value("acme"))
                .andExpect(jsonPath("$.roles").value(contains("MANAGER", "ORG_ADMIN")));
    }

    @Test
    @DisplayName("Tokens: an org the user wrote into user_metadata does not count: 401")
    void orgFromUserMetadata() throws Exception {
        refused(mvc, TestTokens.hs256(SECRET, supabaseToken(Map.of("provider", "email"))
                .claim("user_metadata", Map.of("org_id", "acme")).build()));
    }

    @Test
    @DisplayName("Tokens: the project's anon key (role anon, no aud) answers 401")
    void anonKey() throws Exception {
        refused(mvc, TestTokens.hs256(SECRET, new JWTClaimsSet.Builder()
                .issuer("supabase").claim("ref", "abcdefghijklmnop").claim("role", "anon")
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .build()));
    }
}
