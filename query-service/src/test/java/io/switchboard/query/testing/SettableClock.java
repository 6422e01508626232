package io.switchboard.query.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, until a test sets it to an instant of its choice; {@link #reset()} goes back. */
public final class SettableClock extends Clock {

    private volatile Clock current = Clock.systemUTC();

    public void set(Instant instant) {
        current = Clock.fixed(instant, ZoneOffset.UTC);
    }

    public void reset() {
        current = Clock.systemUTC();
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
