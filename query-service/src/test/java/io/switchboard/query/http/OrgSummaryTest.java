package io.switchboard.query.http;

import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.api.query.OrgSummary;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/org/summary. */
class OrgSummaryTest extends HttpTest {

    @Test
    @DisplayName("R6, R9, R10: the org's held numbers counted by status, provider, country, assigned and available")
    void org_counts() {
        E164Number london = TestNumbers.british();
        E164Number manchester = TestNumbers.british();
        E164Number washington = TestNumbers.american();
        E164Number berlin = TestNumbers.german();
        E164Number released = TestNumbers.german();
        given.numberImported(org, "alice", london, Provider.TWILIO, null, null);
        given.numberImported(org, "alice", manchester, Provider.TWILIO, null, null);
        given.numberImported(org, "bob", washington, Provider.TELNYX, null, null);
        given.numberImported(org, "bob", berlin, Provider.VONAGE, null, null);
        given.numberImported(org, "bob", released, Provider.VONAGE, null, null);
        given.numberImported("org-other-" + org, "zed", TestNumbers.british(), Provider.PLIVO, null, null);
        given.numberDeactivated(org, washington.numberId());
        given.numberFailed(org, berlin.numberId());
        given.numberReleased(org, released);
        given.numberAssigned(org, london.numberId(), given.agentRegistered(org, "alice", "Ava"));

        OrgSummary summary = get("/api/v1/org/summary", token("dana", org, Role.MANAGER), OrgSummary.class).getBody();

        assertThat(summary.total()).isEqualTo(4);
        assertThat(summary.assigned()).isEqualTo(1);
        assertThat(summary.available()).isEqualTo(1);
        assertThat(summary.byStatus()).isEqualTo(
                Map.of(NumberStatus.ACTIVE, 2L, NumberStatus.INACTIVE, 1L, NumberStatus.ERROR, 1L));
        assertThat(summary.byProvider()).isEqualTo(
                Map.of(Provider.TWILIO, 2L, Provider.TELNYX, 1L, Provider.VONAGE, 1L));
        assertThat(summary.byCountry()).isEqualTo(Map.of("GB", 2L, "US", 1L, "DE", 1L));

        OrgSummary bobs = get("/api/v1/org/summary", token("bob", org, Role.MEMBER), OrgSummary.class).getBody();
        assertThat(bobs.total()).isEqualTo(2);
        assertThat(bobs.byCountry()).isEqualTo(Map.of("US", 1L, "DE", 1L));
    }

    @Test
    @DisplayName("an org without numbers has a summary of zeros")
    void empty_org() {
        OrgSummary summary = get("/api/v1/org/summary", token("dana", org, Role.ORG_ADMIN), OrgSummary.class).getBody();

        assertThat(summary).isEqualTo(new OrgSummary(0, 0, 0, Map.of(), Map.of(), Map.of()));
    }
}
