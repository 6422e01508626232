package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.number.PhoneNumberDetail;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/phone-numbers/{id}: one number, for whoever may see it, 404 for everyone else. */
class PhoneNumberDetailTest extends HttpTest {

    private final E164Number number = TestNumbers.british();
    private final String otherOrg = "org-other-" + org;
    private String agent;

    @BeforeEach
    void assignedNumber() {
        given.numberImported(org, "alice", number, Provider.TWILIO, "acme", "Sales");
        given.numberDeactivated(org, number.numberId());
        agent = given.agentRegistered(org, "alice", "Ava");
    }

    @Test
    @DisplayName("R6, R10: the owner sees its number with status, agent name, limits, and its version as ETag")
    void owner_sees_number() {
        given.numberAssigned(org, number.numberId(), agent);

        ResponseEntity<PhoneNumberDetail> response = get(path(), token("alice", org, Role.MEMBER),
                PhoneNumberDetail.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(response.getBody().callsToday()).isZero();
        assertThat(response.getBody().remainingToday()).isEqualTo(100);
        PhoneNumberView view = response.getBody().number();
        assertThat(view.id()).isEqualTo(number.numberId());
        assertThat(view.ownerUserId()).isEqualTo("alice");
        assertThat(view.status()).isEqualTo(NumberStatus.INACTIVE);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.agent().name()).isEqualTo("Ava");
        assertThat(view.assignment().dailyLimit()).isEqualTo(100);
        assertThat(view.assignment().allowedCountries()).isEqualTo(Set.of("GB"));
    }

    @Test
    @DisplayName("R17: a number without an assignment has no calls today")
    void unassigned_number_has_no_calls_today() {
        ResponseEntity<JsonNode> response = get(path(), token("alice", org, Role.MEMBER), JsonNode.class);

        assertThat(response.getBody().path("e164").asText()).isEqualTo(number.value());
        assertThat(response.getBody().path("callsToday").isNull()).isTrue();
        assertThat(response.getBody().path("remainingToday").isNull()).isTrue();
    }

    @Test
    @DisplayName("§6: another MEMBER of the org gets 404; the org's admin and manager see it")
    void member_who_is_not_owner_gets_404() {
        assertProblem(get(path(), token("bob", org, Role.MEMBER), JsonNode.class), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(get(path(), token("dana", org, Role.ORG_ADMIN), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get(path(), token("erin", org, Role.MANAGER), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("§6: another org's number answers 404, never 403, even to its platform admin")
    void other_org_gets_404() {
        assertProblem(get(path(), token("zed", otherOrg, Role.ORG_ADMIN), JsonNode.class),
                HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertProblem(get(path(), token("root", otherOrg, Role.PLATFORM_ADMIN), JsonNode.class),
                HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertProblem(get("/api/v1/phone-numbers/no-such-number", token("dana", org, Role.ORG_ADMIN),
                JsonNode.class), HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    @DisplayName("R9: a released number answers 404")
    void released_number_is_gone() {
        given.numberReleased(org, number);

        assertProblem(get(path(), token("alice", org, Role.MEMBER), JsonNode.class), HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    @DisplayName("R4, R9: re-imported by another org after release, the number shows in that org only")
    void reimport_by_other_org() {
        given.numberReleased(org, number);
        given.numberImported(otherOrg, "zed", number, Provider.TELNYX, null, "Now ours");

        String zed = token("zed", otherOrg, Role.MEMBER);
        String dana = token("dana", org, Role.ORG_ADMIN);

        ResponseEntity<PhoneNumberDetail> theirs = get(path(), zed, PhoneNumberDetail.class);
        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(theirs.getBody().number().orgId()).isEqualTo(otherOrg);
        assertThat(theirs.getBody().number().status()).isEqualTo(NumberStatus.ACTIVE);
        assertThat(theirs.getBody().number().label()).isEqualTo("Now ours");
        assertThat(theirs.getHeaders().getETag()).isEqualTo("\"3\"");
        assertThat(get("/api/v1/phone-numbers", zed, NUMBERS).getBody().items())
                .extracting(PhoneNumberView::id).containsExactly(number.numberId());

        assertProblem(get(path(), dana, JsonNode.class), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(get("/api/v1/phone-numbers", dana, NUMBERS).getBody().items()).isEmpty();
    }

    private String path() {
        return "/api/v1/phone-numbers/" + number.numberId();
    }
}
