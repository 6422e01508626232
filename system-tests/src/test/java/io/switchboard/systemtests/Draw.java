package io.switchboard.systemtests;

import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The fuzzer's one source of randomness: values drawn from jqwik arbitraries with a single seeded {@link Random}, so
 * one seed draws the same sequence of requests again.
 */
final class Draw {

    /** jqwik's genSize: how far lengths and numbers reach; the arbitraries bound them themselves. */
    private static final int GEN_SIZE = 1_000;

    private final Random random;

    Draw(long seed) {
        this.random = new Random(seed);
    }

    <T> T from(Arbitrary<T> arbitrary) {
        return arbitrary.generator(GEN_SIZE).next(random).value();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** From {@code min} to {@code max}, both included, evenly (jqwik's integers lean to the ends on purpose). */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    <T> T of(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    <T> List<T> shuffled(List<T> values) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return shuffled;
    }

    @SafeVarargs
    final <T> T of(T... values) {
        return of(List.of(values));
    }
}
