package io.switchboard.command.shared;

import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.PessimisticLockingFailureException;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A command that lost a race with another one on the same aggregate or registry row (another instance appended
 * first, a lock was taken): deciding it again on the stored state is safe, after a short random pause so the two
 * do not meet again at once.
 */
public final class Races {

    private Races() {
    }

    /** Whether {@code failure}, or anything that caused it, is a lost race. */
    public static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException
                    || cause instanceof PessimisticLockingFailureException
                    || cause instanceof LockAcquisitionFailedException) {
                return true;
            }
        }
        return false;
    }

    /** Waits up to {@code millisPerAttempt} times {@code attempt} milliseconds, at random. */
    public static void pauseBeforeRetry(int attempt, long millisPerAttempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, millisPerAttempt * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
