package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.Role;
import io.switchboard.testing.clock.ClockSensitiveTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/phone-numbers/{id}?asOf=...: the number as it was at a past instant, derived from the events of a
 * scripted timeline ({@link NumberTimeline}), checked between every pair of consecutive events.
 */
class NumberAsOfTest extends TimelineHttpTest {

    private static final String NOT_FOUND = "404";

    @Test
    @DisplayName("§5: between every pair of consecutive events, the number's owner, status, details, agent, limits, "
            + "calls of the org-local day and versions are as the events up to then made them")
    void state_between_every_pair_of_events() {
        String adminA = token("carol", org, Role.ORG_ADMIN);
        String adminB = token("yan", orgB, Role.ORG_ADMIN);
        String detailsA = "A alice ACTIVE Support v1";
        String agentA = " | Ava 3 [GB, IE] v1";
        String agentPrimeA = " | Ava Prime 3 [GB, IE] v1";
        // the state after each event, until the next, as A's admin sees it (B's admin from B's import on)
        Map<String, String> after = new LinkedHashMap<>();
        after.put("policy A", NOT_FOUND);
        after.put("agent A registered", NOT_FOUND);
        after.put("imported by A", "A alice ACTIVE Sales v0 | - | -");
        after.put("details changed", detailsA + " | - | -");
        after.put("assigned", detailsA + " | Ava 5 [GB] v0 | 0/5");
        after.put("limits changed", detailsA + agentA + " | 0/3");
        after.put("call 1", detailsA + agentA + " | 1/2");
        after.put("call 2", detailsA + agentA + " | 2/1");
        after.put("call refused", detailsA + agentA + " | 2/1");
        after.put("agent renamed", detailsA + agentPrimeA + " | 2/1");
        after.put("deactivated", "A alice INACTIVE(paused) Support v2" + agentPrimeA + " | 2/1");
        after.put("activated", "A alice ACTIVE Support v3" + agentPrimeA + " | 2/1");
        after.put("call next Berlin day", "A alice ACTIVE Support v3" + agentPrimeA + " | 1/2");
        after.put("transferred", "A bob ACTIVE Support v4 | - | -");
        after.put("unassigned", "A bob ACTIVE Support v4 | - | -");
        after.put("released", NOT_FOUND);
        after.put("imported by B", "B zed ACTIVE Now ours v6 | - | -");
        after.put("agent B registered", "B zed ACTIVE Now ours v6 | - | -");
        after.put("assigned by B", "B zed ACTIVE Now ours v6 | Zoe 10 [*] v0 | 0/10");
        after.put("call B", "B zed ACTIVE Now ours v6 | Zoe 10 [*] v0 | 1/9");
        assertThat(after.keySet()).containsExactlyElementsOf(timeline.steps.stream()
                .map(NumberTimeline.Step::name).toList());

        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        Instant first = timeline.steps.get(0).at();
        expected.add("before everything: " + NOT_FOUND);
        actual.add("before everything: " + state(first.minusSeconds(60), adminA));
        List<NumberTimeline.Step> steps = timeline.steps;
        for (int i = 0; i < steps.size(); i++) {
            NumberTimeline.Step step = steps.get(i);
            Instant next = i + 1 < steps.size() ? steps.get(i + 1).at() : step.at().plus(Duration.ofMinutes(60));
            if (!next.isAfter(step.at())) {
                continue; // two events of one transaction, at one instant: nothing lies between them
            }
            Instant between = step.at().plus(Duration.between(step.at(), next).dividedBy(2));
            String caller = step.position() >= timeline.step("imported by B").position() ? adminB : adminA;
            expected.add(step.name() + " @" + between + ": " + after.get(step.name()));
            actual.add(step.name() + " @" + between + ": " + state(between, caller));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("§5, R17: the calls of the day restart at the org's midnight (Berlin), before the next call comes")
    void calls_restart_at_org_midnight() {
        String adminA = token("carol", org, Role.ORG_ADMIN);

        assertThat(state(Instant.parse("2025-03-03T22:59:59Z"), adminA)).endsWith(" | 2/1");
        assertThat(state(Instant.parse("2025-03-03T23:00:00Z"), adminA)).endsWith(" | 0/3");
        assertThat(state(Instant.parse("2025-03-03T23:30:00Z"), adminA)).endsWith(" | 1/2");
    }

    @Test
    @DisplayName("§5: an event stamped exactly at the instant has happened; the reply keeps the detail's shape")
    void event_at_the_instant_counts() {
        ResponseEntity<JsonNode> reply = asOf(timeline.step("deactivated").at(), token("carol", org, Role.ORG_ADMIN));

        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reply.getHeaders().getETag()).isNull();
        JsonNode body = reply.getBody();
        assertThat(body.path("status").asText()).isEqualTo("INACTIVE");
        assertThat(body.path("id").asText()).isEqualTo(number.numberId());
        assertThat(body.path("e164").asText()).isEqualTo(number.value());
        assertThat(body.path("clientId").asText()).isEqualTo("client-1");
        assertThat(body.path("provider").asText()).isEqualTo("TWILIO");
        assertThat(body.path("webhookUrl").asText()).isEqualTo("https://hooks.example/a");
        assertThat(body.path("importedAt").asText()).isEqualTo("2025-03-03T09:00:00Z");
        assertThat(body.path("updatedAt").asText()).isEqualTo("2025-03-03T17:00:00Z");
        assertThat(body.path("assignment").path("id").asText()).isEqualTo(timeline.assignmentA);
        assertThat(body.path("agent").path("id").asText()).isEqualTo(timeline.agentA);
    }

    @Test
    @DisplayName("§5, §6: each org sees only its own holding; a MEMBER only while it owned the number; "
            + "a PLATFORM_ADMIN every holding")
    void tenancy() {
        Instant beforeTransfer = Instant.parse("2025-03-03T20:00:00Z");
        Instant afterTransfer = Instant.parse("2025-03-04T09:30:00Z");
        Instant heldByB = Instant.parse("2025-03-04T11:30:00Z");

        assertThat(state(beforeTransfer, token("yan", orgB, Role.ORG_ADMIN))).isEqualTo(NOT_FOUND);
        assertThat(state(heldByB, token("carol", org, Role.ORG_ADMIN))).isEqualTo(NOT_FOUND);
        assertThat(state(beforeTransfer, token("mia", org, Role.MANAGER))).startsWith("A alice");
        assertThat(state(beforeTransfer, token("dialer", org, Role.SERVICE))).startsWith("A alice");

        assertThat(state(beforeTransfer, token("alice", org, Role.MEMBER))).startsWith("A alice");
        assertThat(state(afterTransfer, token("alice", org, Role.MEMBER))).isEqualTo(NOT_FOUND);
        assertThat(state(beforeTransfer, token("bob", org, Role.MEMBER))).isEqualTo(NOT_FOUND);
        assertThat(state(afterTransfer, token("bob", org, Role.MEMBER))).startsWith("A bob");
        assertThat(state(heldByB, token("zed", orgB, Role.MEMBER))).startsWith("B zed");

        String root = token("root", "platform", Role.PLATFORM_ADMIN);
        assertThat(state(beforeTransfer, root)).startsWith("A alice");
        assertThat(state(heldByB, root)).startsWith("B zed");
        assertThat(state(Instant.parse("2025-03-04T10:30:00Z"), root)).isEqualTo(NOT_FOUND);
    }

    @ClockSensitiveTest
    @DisplayName("§5: an asOf that is not an instant, or is still to come, answers 400; an unknown number 404")
    void bad_instants() {
        String admin = token("carol", org, Role.ORG_ADMIN);

        assertProblem(getWithMinPosition(path() + "?asOf=yesterday", admin, null), HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
        assertProblem(getWithMinPosition(path() + "?asOf=" + clock.instant().plus(Duration.ofSeconds(1)), admin, null),
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(getWithMinPosition("/api/v1/phone-numbers/no-such-number?asOf=2025-03-03T12:00:00Z", admin,
                null), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(getWithMinPosition(path() + "?asOf=2025-03-03T13:30:00%2B01:00", admin, null).getBody()
                .path("label").asText()).isEqualTo("Support");
    }

    private ResponseEntity<JsonNode> asOf(Instant instant, String token) {
        return getWithMinPosition(path() + "?asOf=" + instant, token, String.valueOf(events.lastPosition()));
    }

    /** The reply at the instant, compactly: org owner status label version | agent limits | calls/remaining. */
    private String state(Instant instant, String token) {
        ResponseEntity<JsonNode> reply = asOf(instant, token);
        if (reply.getStatusCode() == HttpStatus.NOT_FOUND) {
            return NOT_FOUND;
        }
        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = reply.getBody();
        String orgName = body.path("orgId").asText().equals(org) ? "A" : body.path("orgId").asText().equals(orgB)
                ? "B" : body.path("orgId").asText();
        String status = body.path("status").asText()
                + (body.path("statusReason").isNull() ? "" : "(" + body.path("statusReason").asText() + ")");
        String numberPart = orgName + " " + body.path("ownerUserId").asText() + " " + status + " "
                + body.path("label").asText() + " v" + body.path("version").asLong();
        JsonNode assignment = body.path("assignment");
        String agentPart = assignment.isNull() || assignment.isMissingNode() ? "-"
                : body.path("agent").path("name").asText() + " " + assignment.path("dailyLimit").asInt() + " "
                + new TreeSet<>(strings(assignment.path("allowedCountries"))) + " v"
                + assignment.path("version").asLong();
        String callsPart = body.path("callsToday").isNull() ? "-"
                : body.path("callsToday").asInt() + "/" + body.path("remainingToday").asInt();
        return numberPart + " | " + agentPart + " | " + callsPart;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private String path() {
        return "/api/v1/phone-numbers/" + number.numberId();
    }
}
