package io.switchboard.support.identity;

import io.switchboard.testing.identity.WhoAmIController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Asks the test application who the bearer of a token is, and checks refusals. */
final class TokenRequests {

    private TokenRequests() {
    }

    static ResultActions whoAmI(MockMvc mvc, String token) throws Exception {
        return mvc.perform(get(WhoAmIController.PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    /** 401 as an RFC 9457 problem with the stable code, and a bearer challenge. */
    static void refused(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    static void refused(MockMvc mvc, String token) throws Exception {
        refused(whoAmI(mvc, token));
    }
}
