package io.switchboard.command.platformsync;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Parks every event whose delivery failed, and counts in the letter's diagnostics how many deliveries failed: the
 * first when it was parked, one more with each retry that failed again. The cause is cut to what the
 * {@code dead_letter_entry.cause_message} column holds.
 */
final class AttemptCounting implements EnqueuePolicy<EventMessage<?>> {

    private static final String ATTEMPTS = "attempts";
    private static final int MAX_CAUSE_LENGTH = 1000;

    static int attempts(DeadLetter<?> letter) {
        return letter.diagnostics().get(ATTEMPTS) instanceof Number attempts ? attempts.intValue() : 0;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        return Decisions.enqueue(ThrowableCause.truncated(cause, MAX_CAUSE_LENGTH),
                failed -> failed.diagnostics().and(ATTEMPTS, attempts(failed) + 1));
    }
}
