package io.switchboard.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A valid token for each {@link Caller}, minted by the project's helper as the other system tests mint theirs.
 * Tokens live 30 minutes: a long run mints new ones well before.
 */
final class CallerTokens {

    private static final Duration LIFE = Duration.ofMinutes(10);

    private final Function<Caller, String> orgOf;
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private Instant minted = Instant.MIN;

    CallerTokens(Function<Caller, String> orgOf) {
        this.orgOf = orgOf;
    }

    String of(Caller caller) {
        if (Instant.now().isAfter(minted.plus(LIFE))) {
            for (Caller each : Caller.values()) {
                tokens.put(each, RunningStack.token(orgOf.apply(each), each.user, each.role));
            }
            minted = Instant.now();
        }
        return tokens.get(caller);
    }
}
