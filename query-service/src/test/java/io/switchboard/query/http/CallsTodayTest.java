package io.switchboard.query.http;

import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.query.number.PhoneNumberDetail;
import io.switchboard.query.testing.TestNumbers;
import io.switchboard.testing.clock.ClockSensitiveTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** R17: GET /api/v1/phone-numbers/{id} counts the calls of the org-local today, whose midnight is the org's. */
class CallsTodayTest extends HttpTest {

    private final E164Number number = TestNumbers.british();

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    @ParameterizedTest(name = "{0}: {1} is still 1 March, {2} already 2 March")
    @CsvSource({
            "Europe/Berlin, 2025-03-01T22:59:59Z, 2025-03-01T23:00:00Z",
            "America/New_York, 2025-03-02T04:59:59Z, 2025-03-02T05:00:00Z",
            "'', 2025-03-01T23:59:59Z, 2025-03-02T00:00:00Z"})
    @DisplayName("R17: calls today and remaining switch at midnight in the org's time zone, "
            + "UTC for an org without a policy")
    void calls_today_switch_at_org_midnight(String timeZone, Instant lastOfMarch1, Instant firstOfMarch2) {
        if (!timeZone.isEmpty()) {
            given.orgPolicyChanged(org, timeZone);
        }
        given.numberImported(org, "alice", number, Provider.TWILIO, null, null);
        String agent = given.agentRegistered(org, "alice", "Ava");
        String assignment = given.numberAssigned(org, number.numberId(), agent);
        given.callCounted(org, assignment, number.numberId(), agent, "2025-03-01", 1);
        given.callCounted(org, assignment, number.numberId(), agent, "2025-03-01", 2);
        given.callCounted(org, assignment, number.numberId(), agent, "2025-03-02", 1);

        clock.set(lastOfMarch1);
        assertThat(detail()).returns(2, PhoneNumberDetail::callsToday).returns(98, PhoneNumberDetail::remainingToday);

        clock.set(firstOfMarch2);
        assertThat(detail()).returns(1, PhoneNumberDetail::callsToday).returns(99, PhoneNumberDetail::remainingToday);

        clock.set(firstOfMarch2.plusSeconds(24 * 3600));
        assertThat(detail()).returns(0, PhoneNumberDetail::callsToday).returns(100, PhoneNumberDetail::remainingToday);
    }

    @ClockSensitiveTest
    @DisplayName("R17: calls today are the calls counted on the org's calendar day at this instant, not the day before")
    void calls_today_are_those_of_the_org_day_of_now() {
        Instant now = clock.instant();
        for (String timeZone : List.of("America/New_York", "Europe/Berlin", "")) {
            String zoneOrg = org + "-" + (timeZone.isEmpty() ? "without-policy" : timeZone);
            E164Number zoneNumber = TestNumbers.british();
            if (!timeZone.isEmpty()) {
                given.orgPolicyChanged(zoneOrg, timeZone);
            }
            given.numberImported(zoneOrg, "alice", zoneNumber, Provider.TWILIO, null, null);
            String agent = given.agentRegistered(zoneOrg, "alice", "Ava");
            String assignment = given.numberAssigned(zoneOrg, zoneNumber.numberId(), agent);
            LocalDate today = now.atZone(timeZone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(timeZone)).toLocalDate();
            for (int call = 1; call <= 3; call++) {
                given.callCounted(zoneOrg, assignment, zoneNumber.numberId(), agent, today.minusDays(1).toString(), call);
            }
            given.callCounted(zoneOrg, assignment, zoneNumber.numberId(), agent, today.toString(), 1);

            assertThat(detail(zoneNumber, zoneOrg)).as("%s at %s, its day %s", zoneOrg, now, today)
                    .returns(1, PhoneNumberDetail::callsToday).returns(99, PhoneNumberDetail::remainingToday);
        }
    }

    private PhoneNumberDetail detail() {
        return detail(number, org);
    }

    private PhoneNumberDetail detail(E164Number of, String inOrg) {
        return get("/api/v1/phone-numbers/" + of.numberId(), token("alice", inOrg, Role.MEMBER),
                PhoneNumberDetail.class).getBody();
    }
}
