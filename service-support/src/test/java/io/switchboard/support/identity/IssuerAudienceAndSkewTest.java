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

import static io.switchboard.support.identity.TestTokens.SECRET;
import static io.switchboard.support.identity.TokenRequests.refused;
import static io.switchboard.support.identity.TokenRequests.whoAmI;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With an issuer, audiences and a clock skew configured, a token must match all three. */
@WebMvcTest(properties = {
        "switchboard.security.jwt.hmac-secret=" + SECRET,
        "switchboard.security.jwt.issuer=" + IssuerAudienceAndSkewTest.ISSUER,
        "switchboard.security.jwt.audiences=switchboard-api, switchboard-admin",
        "switchboard.security.jwt.clock-skew=10s"})
@ContextConfiguration(classes = TokenTestApplication.class)
class IssuerAudienceAndSkewTest {

    static final String ISSUER = "https://id.switchboard.test";

    @Autowired
    MockMvc mvc;

    private static JWTClaimsSet.Builder valid() {
        return TestTokens.validFor("alice").issuer(ISSUER).audience(List.of("billing", "switchboard-admin"))
                .claim("org", "acme").claim("roles", "MEMBER");
    }

    private String token(JWTClaimsSet.Builder claims) {
        return TestTokens.hs256(SECRET, claims.build());
    }

    @Test
    @DisplayName("Tokens: a token of the configured issuer for one of the configured audiences is accepted")
    void matching() throws Exception {
        whoAmI(mvc, token(valid()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("MEMBER"));
    }

    @Test
    @DisplayName("Tokens: a single audience given as a string is accepted too")
    void audienceAsString() throws Exception {
        whoAmI(mvc, token(valid().audience("switchboard-api"))).andExpect(status().isOk());
    }

    @Test
    @DisplayName("Tokens: a token of another issuer answers 401")
    void wrongIssuer() throws Exception {
        refused(mvc, token(valid().issuer("https://evil.example")));
    }

    @Test
    @DisplayName("Tokens: a token without iss answers 401 when an issuer is configured")
    void noIssuer() throws Exception {
        refused(mvc, token(valid().issuer(null)));
    }

    @Test
    @DisplayName("Tokens: a token for another audience answers 401")
    void wrongAudience() throws Exception {
        refused(mvc, token(valid().audience(List.of("billing", "reporting"))));
    }

    @Test
    @DisplayName("Tokens: a token without aud answers 401 when audiences are configured")
    void noAudience() throws Exception {
        refused(mvc, token(valid().audience((String) null)));
    }

    @Test
    @DisplayName("Tokens: the clock skew is configurable: expired 5 s ago passes with 10 s, 20 s ago does not")
    void expiryWithConfiguredSkew() throws Exception {
        whoAmI(mvc, token(valid().expirationTime(Date.from(Instant.now().minusSeconds(5)))))
                .andExpect(status().isOk());
        refused(mvc, token(valid().expirationTime(Date.from(Instant.now().minusSeconds(20)))));
    }

    @Test
    @DisplayName("Tokens: the clock skew applies to nbf: 5 s ahead passes with 10 s, 20 s ahead does not")
    void notBeforeWithConfiguredSkew() throws Exception {
        whoAmI(mvc, token(valid().notBeforeTime(Date.from(Instant.now().plusSeconds(5)))))
                .andExpect(status().isOk());
        refused(mvc, token(valid().notBeforeTime(Date.from(Instant.now().plusSeconds(20)))));
    }
}
