package io.switchboard.testing.clock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClockScenariosTest {

    private static final Instant NEW_YEARS_EVE = Instant.parse("2027-12-31T23:59:59Z");
    private static final Instant LEAP_DAY = Instant.parse("2028-02-29T12:00:00Z");

    @Test
    @DisplayName("the scenarios property lists instants, commas and line breaks between them; empty means none")
    void instantsFromTheProperty() {
        assertThat(ClockScenarios.instants("\n  2027-12-31T23:59:59Z,\n  2028-02-29T12:00:00Z\n"))
                .containsExactly(NEW_YEARS_EVE, LEAP_DAY);
        assertThat(ClockScenarios.instants("")).isEmpty();
    }

    @Test
    @DisplayName("a scenario fixes the clock at its instant; a test may set another, and reset goes back to the scenario")
    void scenarioSetAndReset() {
        TestClock clock = new TestClock();
        clock.startScenario(NEW_YEARS_EVE);
        assertThat(clock.instant()).isEqualTo(NEW_YEARS_EVE);

        clock.set(LEAP_DAY);
        assertThat(clock.instant()).isEqualTo(LEAP_DAY);
        clock.reset();
        assertThat(clock.instant()).isEqualTo(NEW_YEARS_EVE);
    }

    @Test
    @DisplayName("without a scenario the clock is the system clock")
    void realTime() {
        TestClock clock = new TestClock();
        clock.startScenario(null);
        Instant before = Instant.now();

        assertThat(clock.instant()).isBetween(before, Instant.now());
    }
}
