package io.switchboard.testing.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in a test: the clock scenario's instant ({@link ClockScenarios}), or the system clock when
 * the run has no scenario, until a test sets it to an instant of its own; {@link #reset()} goes back.
 */
public final class TestClock extends Clock {

    private volatile Clock scenario = Clock.systemUTC();
    private volatile Clock current = scenario;

    /** Stands still at the instant until set again or reset. */
    public void set(Instant instant) {
        current = Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** Back to the scenario's instant, or to the system clock. */
    public void reset() {
        current = scenario;
    }

    /** The clock a scenario runs on: fixed at its instant, or the system clock for {@code null}. */
    void startScenario(Instant instant) {
        scenario = instant == null ? Clock.systemUTC() : Clock.fixed(instant, ZoneOffset.UTC);
        current = scenario;
    }

    @Override
    public ZoneId getZone() {
        return current.getZone();
    }

    /** The clock as set now, in another zone; it does not follow later changes. */
    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }
}
