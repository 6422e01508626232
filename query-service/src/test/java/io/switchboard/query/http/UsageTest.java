package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.api.query.Page;
import io.switchboard.query.testing.TestNumbers;
import io.switchboard.query.usage.AssignmentUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/usage?date=: calls counted and refused per assignment on one org-local day, for whom. */
class UsageTest extends HttpTest {

    private static final ParameterizedTypeReference<Page<AssignmentUsage>> USAGE = new ParameterizedTypeReference<>() {
    };
    private static final String DAY = "2025-03-01";

    private final E164Number aliceNumber = TestNumbers.british();
    private final E164Number bobNumber = TestNumbers.american();
    private final E164Number otherOrgsNumber = TestNumbers.german();
    private final String otherOrg = "org-other-" + org;
    private String aliceAssignment;
    private String bobAssignment;

    @BeforeEach
    void callsOfTwoMembersAndAnotherOrg() {
        Line alice = assignedNumber(org, "alice", aliceNumber, "Ava");
        counted(alice, DAY, 1);
        given.callRefused(org, alice.assignmentId(), alice.numberId(), alice.agentId(), DAY,
                CallRefusal.COUNTRY_NOT_ALLOWED);
        counted(alice, DAY, 2);
        counted(alice, "2025-03-02", 1);
        Line bob = assignedNumber(org, "bob", bobNumber, "Bo");
        counted(bob, DAY, 1);
        counted(assignedNumber(otherOrg, "zed", otherOrgsNumber, "Zoe"), DAY, 1);
        aliceAssignment = alice.assignmentId();
        bobAssignment = bob.assignmentId();
    }

    @Test
    @DisplayName("R15, R17: a MEMBER sees the day's usage of its own numbers: counted, refused by reason, limit")
    void member_sees_own_usage() {
        assertThat(usage(DAY, token("alice", org, Role.MEMBER))).singleElement().satisfies(alice -> {
            assertThat(alice.assignmentId()).isEqualTo(aliceAssignment);
            assertThat(alice.numberId()).isEqualTo(aliceNumber.numberId());
            assertThat(alice.e164()).isEqualTo(aliceNumber.value());
            assertThat(alice.agentName()).isEqualTo("Ava");
            assertThat(alice.callsCounted()).isEqualTo(2);
            assertThat(alice.callsRefused()).containsEntry(CallRefusal.COUNTRY_NOT_ALLOWED, 1)
                    .containsEntry(CallRefusal.DAILY_LIMIT_REACHED, 0);
            assertThat(alice.dailyLimit()).isEqualTo(100);
            assertThat(alice.remaining()).isEqualTo(98);
        });
        assertThat(usage(DAY, token("bob", org, Role.MEMBER)))
                .extracting(AssignmentUsage::assignmentId).containsExactly(bobAssignment);
        assertThat(usage(DAY, token("carol", org, Role.MEMBER))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_ADMIN", "MANAGER", "SERVICE", "PLATFORM_ADMIN"})
    @DisplayName("ORG_ADMIN, MANAGER, SERVICE and PLATFORM_ADMIN see the usage of their whole org, by number")
    void org_readers_see_org_usage(Role role) {
        assertThat(usage(DAY, token("dana", org, role))).extracting(AssignmentUsage::e164)
                .containsExactly(bobNumber.value(), aliceNumber.value());
    }

    @Test
    @DisplayName("§6: another org sees none of this org's usage, only its own")
    void other_org_sees_only_its_own() {
        assertThat(usage(DAY, token("zed", otherOrg, Role.ORG_ADMIN))).extracting(AssignmentUsage::e164)
                .containsExactly(otherOrgsNumber.value());
        assertThat(usage(DAY, token("root", "org-without-calls-" + org, Role.PLATFORM_ADMIN))).isEmpty();
    }

    @Test
    @DisplayName("R17: each org-local day has its own usage; a day without calls has none")
    void usage_per_day() {
        String admin = token("dana", org, Role.ORG_ADMIN);

        assertThat(usage("2025-03-02", admin)).singleElement()
                .returns(aliceAssignment, AssignmentUsage::assignmentId)
                .returns(1, AssignmentUsage::callsCounted);
        assertThat(usage("2025-03-03", admin)).isEmpty();
    }

    @Test
    @DisplayName("§4: the usage list pages by number with the cursor")
    void pages_with_cursor() {
        String admin = token("dana", org, Role.ORG_ADMIN);

        Page<AssignmentUsage> first = get("/api/v1/usage?limit=1&date=" + DAY, admin, USAGE).getBody();
        Page<AssignmentUsage> second = get("/api/v1/usage?limit=1&date=" + DAY + "&cursor=" + first.nextCursor(),
                admin, USAGE).getBody();

        assertThat(first.items()).extracting(AssignmentUsage::assignmentId).containsExactly(bobAssignment);
        assertThat(second.items()).extracting(AssignmentUsage::assignmentId).containsExactly(aliceAssignment);
        assertThat(second.nextCursor()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"date=2025-02-30", "date=01%2F03%2F2025", "date=", ""})
    @DisplayName("§4: a date that is not a YYYY-MM-DD day, or none, answers 400 VALIDATION_FAILED")
    void bad_date(String query) {
        ResponseEntity<JsonNode> response = get("/api/v1/usage?" + query, token("dana", org, Role.ORG_ADMIN),
                JsonNode.class);

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    private Line assignedNumber(String inOrg, String owner, E164Number number, String agentName) {
        given.numberImported(inOrg, owner, number, Provider.TWILIO, null, null);
        String agent = given.agentRegistered(inOrg, owner, agentName);
        return new Line(inOrg, given.numberAssigned(inOrg, number.numberId(), agent), number.numberId(), agent);
    }

    private List<AssignmentUsage> usage(String date, String token) {
        ResponseEntity<Page<AssignmentUsage>> response = get("/api/v1/usage?date=" + date, token, USAGE);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().nextCursor()).isNull();
        return response.getBody().items();
    }

    /** An assignment as its call events name it. */
    private record Line(String org, String assignmentId, String numberId, String agentId) {
    }

    private void counted(Line line, String day, int callsThatDay) {
        given.callCounted(line.org(), line.assignmentId(), line.numberId(), line.agentId(), day, callsThatDay);
    }
}
