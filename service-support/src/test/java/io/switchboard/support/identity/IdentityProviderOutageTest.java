package io.switchboard.support.identity;

import io.switchboard.testing.identity.TokenTestApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static io.switchboard.support.identity.TokenRequests.whoAmI;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The identity provider is down: its key set cannot be fetched, so no token can be checked for now. */
@WebMvcTest
@ContextConfiguration(classes = TokenTestApplication.class)
class IdentityProviderOutageTest {

    private static final String ISSUER = "https://keycloak.example/realms/switchboard";

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void unreachableKeySet(DynamicPropertyRegistry registry) {
        registry.add("switchboard.security.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + closedPort() + "/realms/switchboard/protocol/openid-connect/certs");
        registry.add("switchboard.security.jwt.issuer", () -> ISSUER);
        registry.add("switchboard.security.jwt.audiences", () -> "switchboard-api");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("§6: a token that cannot be checked while the provider is down answers 503, not 401 and not 500")
    void providerDown() throws Exception {
        String token = TestTokens.rs256(TestTokens.rsaKey("k"), TestTokens.validFor("alice").issuer(ISSUER)
                .audience("switchboard-api").claim("org", "acme").build());

        whoAmI(mvc, token)
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("IDENTITY_PROVIDER_UNAVAILABLE"))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
    }
}
