package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/phone-numbers/{id}/history: every event of a number across its holders, as each caller may see it. */
class NumberHistoryTest extends TimelineHttpTest {

    private static final List<String> A_WITHOUT_CALLS = List.of("imported by A", "details changed", "assigned",
            "limits changed", "deactivated", "activated", "transferred", "unassigned", "released");
    private static final List<String> A_WITH_CALLS = List.of("imported by A", "details changed", "assigned",
            "limits changed", "call 1", "call 2", "call refused", "deactivated", "activated", "call next Berlin day",
            "transferred", "unassigned", "released");

    @Test
    @DisplayName("§5: an org's admin reads its holding, import to release, oldest first, without calls by default")
    void org_reads_its_holding() {
        List<JsonNode> history = all("", token("carol", org, Role.ORG_ADMIN));

        assertThat(names(history)).containsExactlyElementsOf(A_WITHOUT_CALLS);
        assertThat(history).extracting(entry -> entry.path("position").asLong()).isSorted();
        assertThat(names(all("?calls=true", token("mia", org, Role.MANAGER)))).containsExactlyElementsOf(A_WITH_CALLS);
        assertThat(names(all("?calls=true", token("dialer", org, Role.SERVICE))))
                .containsExactlyElementsOf(A_WITH_CALLS);
    }

    @Test
    @DisplayName("§5: each entry carries the published type, time, aggregate and version, actor, correlation id and "
            + "the event's fields")
    void entry_fields() {
        List<JsonNode> history = all("?calls=true", token("carol", org, Role.ORG_ADMIN));

        JsonNode imported = history.get(0);
        assertThat(imported.path("type").asText()).isEqualTo("io.switchboard.number.imported.v1");
        assertThat(imported.path("time").asText()).isEqualTo("2025-03-03T09:00:00Z");
        assertThat(imported.path("aggregateType").asText()).isEqualTo("phone-number");
        assertThat(imported.path("aggregateId").asText()).isEqualTo(number.numberId());
        assertThat(imported.path("version").asLong()).isZero();
        assertThat(imported.path("position").asLong()).isEqualTo(timeline.step("imported by A").position());
        assertThat(imported.path("orgId").asText()).isEqualTo(org);
        assertThat(imported.path("actor").asText()).isEqualTo("alice");
        assertThat(imported.path("correlationId").asText()).startsWith("req-");
        assertThat(imported.path("id").asText()).isNotBlank();
        assertThat(imported.path("data").path("e164").asText()).isEqualTo(number.value());
        assertThat(imported.path("data").path("ownerUserId").asText()).isEqualTo("alice");
        assertThat(imported.path("data").path("details").path("label").asText()).isEqualTo("Sales");

        JsonNode limits = history.get(3);
        assertThat(limits.path("type").asText()).isEqualTo("io.switchboard.assignment.limits-changed.v1");
        assertThat(limits.path("aggregateType").asText()).isEqualTo("assignment");
        assertThat(limits.path("aggregateId").asText()).isEqualTo(timeline.assignmentA);
        assertThat(limits.path("version").asLong()).isEqualTo(1);
        assertThat(limits.path("actor").asText()).isEqualTo("carol");
        assertThat(limits.path("data").path("dailyLimit").asInt()).isEqualTo(3);

        JsonNode refused = history.get(6);
        assertThat(refused.path("type").asText()).isEqualTo("io.switchboard.assignment.call-refused.v1");
        assertThat(refused.path("data").path("reason").asText()).isEqualTo("COUNTRY_NOT_ALLOWED");

        JsonNode transferred = history.get(10);
        JsonNode unassigned = history.get(11);
        assertThat(transferred.path("type").asText()).isEqualTo("io.switchboard.number.transferred.v1");
        assertThat(unassigned.path("type").asText()).isEqualTo("io.switchboard.assignment.unassigned.v1");
        assertThat(unassigned.path("correlationId").asText()).isEqualTo("req-transfer")
                .isEqualTo(transferred.path("correlationId").asText());
        assertThat(unassigned.path("data").path("reason").asText()).isEqualTo("NUMBER_TRANSFERRED");
    }

    @Test
    @DisplayName("§5, R4: after a re-import, the new org sees only its own holding, the old org only its own")
    void reimporting_org_sees_only_its_holding() {
        assertThat(names(all("", token("yan", orgB, Role.ORG_ADMIN))))
                .containsExactly("imported by B", "assigned by B");
        assertThat(names(all("?calls=true", token("zed", orgB, Role.MEMBER))))
                .containsExactly("imported by B", "assigned by B", "call B");
    }

    @Test
    @DisplayName("§5: a MEMBER reads the periods in which it owned the number, from the event that made it owner to "
            + "the one that ended that")
    void member_reads_its_ownership() {
        assertThat(names(all("?calls=true", token("alice", org, Role.MEMBER)))).containsExactly("imported by A",
                "details changed", "assigned", "limits changed", "call 1", "call 2", "call refused", "deactivated",
                "activated", "call next Berlin day", "transferred");
        assertThat(names(all("", token("bob", org, Role.MEMBER))))
                .containsExactly("transferred", "unassigned", "released");
    }

    @Test
    @DisplayName("§5: a PLATFORM_ADMIN reads every holding of every org")
    void platform_admin_reads_everything() {
        List<String> everything = new ArrayList<>(A_WITH_CALLS);
        everything.addAll(List.of("imported by B", "assigned by B", "call B"));

        assertThat(names(all("?calls=true", token("root", "platform", Role.PLATFORM_ADMIN))))
                .containsExactlyElementsOf(everything);
    }

    @Test
    @DisplayName("§5, §6: a number the caller's org never held, or a MEMBER never owned, answers 404")
    void never_held_answers_404() {
        String path = "/api/v1/phone-numbers/" + number.numberId() + "/history";
        assertProblem(history(path, token("x", "org-c-" + org, Role.ORG_ADMIN)), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertProblem(history(path, token("dave", org, Role.MEMBER)), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertProblem(history("/api/v1/phone-numbers/no-such-number/history",
                token("root", "platform", Role.PLATFORM_ADMIN)), HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    @DisplayName("§4: the history pages with a cursor; every page size gives the same events once each")
    void pages_with_a_cursor() {
        String admin = token("carol", org, Role.ORG_ADMIN);
        for (int limit : new int[] {1, 2, 5, 12, 13, 200}) {
            List<JsonNode> pages = new ArrayList<>();
            String cursor = null;
            int requests = 0;
            do {
                JsonNode page = history("/api/v1/phone-numbers/" + number.numberId() + "/history?calls=true&limit="
                        + limit + (cursor == null ? "" : "&cursor=" + cursor), admin).getBody();
                page.path("items").forEach(pages::add);
                assertThat(page.path("items").size()).isLessThanOrEqualTo(limit);
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
                requests++;
            } while (cursor != null);
            assertThat(names(pages)).as("limit " + limit).containsExactlyElementsOf(A_WITH_CALLS);
            assertThat(requests).isEqualTo((A_WITH_CALLS.size() + limit - 1) / limit);
        }
    }

    @Test
    @DisplayName("§4: a page size out of 1..200 or a cursor the history did not hand out answers 400")
    void bad_paging() {
        String admin = token("carol", org, Role.ORG_ADMIN);
        String path = "/api/v1/phone-numbers/" + number.numberId() + "/history";

        assertProblem(history(path + "?limit=0", admin), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(history(path + "?limit=201", admin), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(history(path + "?cursor=bm90LWEtY3Vyc29y", admin), HttpStatus.BAD_REQUEST, "INVALID_CURSOR");
    }

    private ResponseEntity<JsonNode> history(String pathAndQuery, String token) {
        return getWithMinPosition(pathAndQuery, token, String.valueOf(events.lastPosition()));
    }

    /** Every page of the history, followed to the end. */
    private List<JsonNode> all(String query, String token) {
        List<JsonNode> entries = new ArrayList<>();
        String base = "/api/v1/phone-numbers/" + number.numberId() + "/history" + query;
        String cursor = null;
        do {
            String path = base + (cursor == null ? "" : (query.isEmpty() ? "?" : "&") + "cursor=" + cursor);
            ResponseEntity<JsonNode> page = history(path, token);
            assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            page.getBody().path("items").forEach(entries::add);
            cursor = page.getBody().path("nextCursor").isNull() ? null : page.getBody().path("nextCursor").asText();
        } while (cursor != null);
        return entries;
    }

    /** The timeline's name of each entry, by its position. */
    private List<String> names(List<JsonNode> entries) {
        return entries.stream().map(entry -> timeline.steps.stream()
                .filter(step -> step.position() == entry.path("position").asLong())
                .map(NumberTimeline.Step::name).findFirst().orElse("?" + entry.path("position"))).toList();
    }
}
