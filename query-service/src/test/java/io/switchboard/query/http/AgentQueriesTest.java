package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.api.query.AgentView;
import io.switchboard.api.query.Page;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/agents, /agents/{id} and /agents/{id}/phone-numbers. */
class AgentQueriesTest extends HttpTest {

    private static final ParameterizedTypeReference<Page<AgentView>> AGENTS = new ParameterizedTypeReference<>() {
    };

    private final E164Number first = TestNumbers.british();
    private final E164Number second = TestNumbers.american();
    private final E164Number unassigned = TestNumbers.german();
    private String ava;
    private String bea;
    private String cyd;
    private String bobs;

    @BeforeEach
    void agents() {
        cyd = given.agentRegistered(org, "alice", "Cyd");
        ava = given.agentRegistered(org, "alice", "Ava");
        bea = given.agentRegistered(org, "alice", "Bea");
        bobs = given.agentRegistered(org, "bob", "Bob's agent");
        given.agentRetired(org, cyd);
        for (E164Number number : List.of(first, second, unassigned)) {
            given.numberImported(org, "alice", number, Provider.TWILIO, null, null);
        }
        given.numberAssigned(org, first.numberId(), ava);
        given.numberAssigned(org, second.numberId(), ava);
    }

    @Test
    @DisplayName("R1: a MEMBER lists its own agents by name; the org's admin lists all of them")
    void member_and_admin_lists() {
        assertThat(names("", token("alice", org, Role.MEMBER))).containsExactly("Ava", "Bea", "Cyd");
        assertThat(names("", token("dana", org, Role.ORG_ADMIN))).containsExactly("Ava", "Bea", "Bob's agent", "Cyd");
        assertThat(names("", token("zed", "org-other-" + org, Role.ORG_ADMIN))).isEmpty();
    }

    @Test
    @DisplayName("R1: the list filters retired agents in or out")
    void retired_filter() {
        assertThat(names("retired=true", token("dana", org, Role.ORG_ADMIN))).containsExactly("Cyd");
        assertThat(names("retired=false", token("dana", org, Role.ORG_ADMIN)))
                .containsExactly("Ava", "Bea", "Bob's agent");
    }

    @Test
    @DisplayName("the agent list pages by name with the cursor, each agent once")
    void pages_by_name() {
        String admin = token("dana", org, Role.ORG_ADMIN);
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor == null ? "" : "&cursor=" + cursor;
            Page<AgentView> page = get("/api/v1/agents?limit=1&direction=desc" + after, admin, AGENTS).getBody();
            page.items().forEach(agent -> walked.add(agent.name()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(walked).containsExactly("Cyd", "Bob's agent", "Bea", "Ava");
    }

    @Test
    @DisplayName("R10: one agent, with the count of numbers assigned to it")
    void one_agent_with_count() {
        AgentView agent = get("/api/v1/agents/" + ava, token("alice", org, Role.MEMBER), AgentView.class).getBody();

        assertThat(agent.name()).isEqualTo("Ava");
        assertThat(agent.ownerUserId()).isEqualTo("alice");
        assertThat(agent.retired()).isFalse();
        assertThat(agent.assignedNumbers()).isEqualTo(2);
    }

    @Test
    @DisplayName("§6: another owner's agent is 404 to a MEMBER, another org's agent is 404 to everyone")
    void invisible_agents() {
        assertProblem(get("/api/v1/agents/" + bobs, token("alice", org, Role.MEMBER), JsonNode.class),
                HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertProblem(get("/api/v1/agents/" + ava, token("zed", "org-other-" + org, Role.ORG_ADMIN), JsonNode.class),
                HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertProblem(get("/api/v1/agents/" + ava + "/phone-numbers", token("zed", "org-other-" + org, Role.ORG_ADMIN),
                JsonNode.class), HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    @DisplayName("R10, R13: an agent's numbers are those assigned to it now")
    void agent_numbers() {
        given.numberUnassigned(org, given.numberAssigned(org, unassigned.numberId(), bea), unassigned.numberId(), bea);

        assertThat(get("/api/v1/agents/" + ava + "/phone-numbers", token("alice", org, Role.MEMBER), NUMBERS)
                .getBody().items()).extracting(PhoneNumberView::id)
                .containsExactlyInAnyOrder(first.numberId(), second.numberId());
        assertThat(get("/api/v1/agents/" + bea + "/phone-numbers", token("dana", org, Role.ORG_ADMIN), NUMBERS)
                .getBody().items()).isEmpty();
    }

    private List<String> names(String query, String token) {
        return get("/api/v1/agents?" + query, token, AGENTS).getBody().items().stream().map(AgentView::name).toList();
    }
}
