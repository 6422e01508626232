package io.switchboard.command.org;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.org.ChangeOrgPolicy;
import io.switchboard.api.org.OrgPolicyChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.switchboard.command.shared.Refusals.refusedWith;

class OrgPolicyTest {

    private FixtureConfiguration<OrgPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrgPolicy.class);
    }

    @Test
    @DisplayName("R12: an org sets maxNumbersPerAgent; the time zone defaults to UTC")
    void setMaxNumbersPerAgent() {
        fixture.givenNoPriorActivity()
                .when(new ChangeOrgPolicy("org-a", 1, null))
                .expectEvents(new OrgPolicyChanged("org-a", 1, "UTC"));
    }

    @Test
    @DisplayName("R12: maxNumbersPerAgent is at least 1")
    void maxIsPositive() {
        fixture.givenNoPriorActivity()
                .when(new ChangeOrgPolicy("org-a", 0, null))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    @DisplayName("R17: the org's time zone is an IANA zone; the same policy again writes nothing")
    void timeZone() {
        fixture.givenNoPriorActivity()
                .when(new ChangeOrgPolicy("org-a", null, "Mars/Olympus_Mons"))
                .expectException(refusedWith(ErrorCode.INVALID_TIME_ZONE)).expectNoEvents();
        fixture.given(new OrgPolicyChanged("org-a", null, "Europe/London"))
                .when(new ChangeOrgPolicy("org-a", null, "Europe/London"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
