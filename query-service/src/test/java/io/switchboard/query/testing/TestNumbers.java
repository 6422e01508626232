package io.switchboard.query.testing;

import io.switchboard.api.common.E164Number;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, distinct phone numbers, so that tests sharing one event store never touch each other's numbers. */
public final class TestNumbers {

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    private TestNumbers() {
    }

    /** A British mobile number (+44 7700 ...). */
    public static E164Number british() {
        return E164Number.parse("+447700" + String.format("%06d", 100_000 + NEXT.getAndIncrement() % 800_000), null);
    }

    /** A Washington DC number (+1 202 555 ...). */
    public static E164Number american() {
        return E164Number.parse("+1202555" + String.format("%04d", 100 + NEXT.getAndIncrement() % 9_900), null);
    }

    /** A Berlin number (+49 30 ...). */
    public static E164Number german() {
        return E164Number.parse("+4930" + String.format("%08d", 10_000_000 + NEXT.getAndIncrement()), null);
    }
}
