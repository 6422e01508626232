package io.switchboard.systemtests;

import io.switchboard.api.common.Role;
import io.switchboard.systemtests.Http.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through, end to end: the stack started exactly as {@code ./switchboard up} starts it (real
 * PostgreSQL, both services as their own processes), driven over HTTP only.
 */
@ExtendWith(RunningStack.class)
class WalkThroughIT {

    private static String token(String org, String user, Role... roles) {
        return RunningStack.token(org, user, roles);
    }

    private static Reply command(String method, String path, String token, String body) {
        return Http.call(method, RunningStack.stack().commandUrl() + path, token, body);
    }

    private static Reply query(String path, String token, long minPosition) {
        return Http.call("GET", RunningStack.stack().queryUrl() + path, token, null, "X-Min-Position",
                String.valueOf(minPosition));
    }

    private static List<String> numbersIn(Reply page) {
        List<String> numbers = new ArrayList<>();
        page.body().get("items").forEach(item -> numbers.add(item.get("e164").asText()));
        return numbers;
    }

    @Test
    @DisplayName("R1-R13 end to end: register, import, read your write at once, assign, list by role, unassign, release, re-import elsewhere")
    void walkThrough() {
        String acme = "acme-" + UUID.randomUUID();
        String alice = token(acme, "alice", Role.MEMBER);
        String admin = token(acme, "carol", Role.ORG_ADMIN);
        String bob = token(acme, "bob", Role.MEMBER);

        Reply agent = command("POST", "/api/v1/agents", alice, "{\"name\":\"Front desk bot\"}");
        assertThat(agent.status()).isEqualTo(201);
        String agentId = agent.body().get("id").asText();

        Reply imported = command("POST", "/api/v1/phone-numbers", alice,
                "{\"number\":\"+44 20 7946 0958\",\"provider\":\"twilio\",\"label\":\"London office\"}");
        assertThat(imported.status()).isEqualTo(201);
        String numberId = imported.body().get("id").asText();

        Reply aliceList = query("/api/v1/phone-numbers", alice, imported.position());
        assertThat(aliceList.status()).isEqualTo(200);
        assertThat(numbersIn(aliceList)).containsExactly("+442079460958");

        Reply assigned = command("POST", "/api/v1/phone-numbers/" + numberId + "/assign", alice,
                "{\"agentId\":\"" + agentId + "\",\"dailyLimit\":50}");
        assertThat(assigned.status()).isEqualTo(201);
        Reply detail = query("/api/v1/phone-numbers/" + numberId, alice, assigned.position());
        assertThat(detail.body().toString()).contains("Front desk bot").contains(agentId);

        assertThat(numbersIn(query("/api/v1/phone-numbers", admin, assigned.position()))).contains("+442079460958");
        assertThat(numbersIn(query("/api/v1/phone-numbers", bob, assigned.position()))).isEmpty();
        assertThat(query("/api/v1/phone-numbers/" + numberId, bob, assigned.position()).status()).isEqualTo(404);
        assertThat(Http.call("GET", RunningStack.stack().queryUrl() + "/api/v1/phone-numbers", null, null).status()).isEqualTo(401);

        assertThat(command("POST", "/api/v1/phone-numbers/" + numberId + "/unassign", alice, null).status())
                .isEqualTo(200);
        Reply released = command("DELETE", "/api/v1/phone-numbers/" + numberId, alice, null);
        assertThat(released.status()).isEqualTo(200);
        assertThat(numbersIn(query("/api/v1/phone-numbers", admin, released.position()))).isEmpty();

        String globex = "globex-" + UUID.randomUUID();
        String dave = token(globex, "dave", Role.MEMBER);
        Reply reimported = command("POST", "/api/v1/phone-numbers", dave,
                "{\"number\":\"+442079460958\",\"provider\":\"telnyx\"}");
        assertThat(reimported.status()).isEqualTo(201);
        assertThat(reimported.body().get("id").asText()).isEqualTo(numberId);
        assertThat(numbersIn(query("/api/v1/phone-numbers", dave, reimported.position())))
                .containsExactly("+442079460958");
        assertThat(numbersIn(query("/api/v1/phone-numbers", admin, reimported.position()))).isEmpty();
        assertThat(command("POST", "/api/v1/phone-numbers", alice,
                "{\"number\":\"+442079460958\",\"provider\":\"twilio\"}").body().get("code").asText())
                .isEqualTo("NUMBER_ALREADY_HELD");
    }
}
