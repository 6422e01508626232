package io.switchboard.command.platformsync;

import io.switchboard.api.platformsync.ParkedSyncEvent;
import io.switchboard.api.platformsync.ParkedSyncEvents;
import io.switchboard.api.platformsync.SyncRetryOutcome;
import io.switchboard.api.stream.EventTypes;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The operator's view of the outbound sync's dead-letter queue, one sequence of letters per number. Without a
 * configured platform there is no queue: the list is empty and no letter exists.
 */
@Component
class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    private final EventProcessingConfiguration processing;

    ParkedEvents(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    ParkedSyncEvents list(int limit) {
        return queue().map(queue -> new ParkedSyncEvents(true, queue.size(),
                        letters(queue).limit(limit).map(ParkedEvents::view).toList()))
                .orElseGet(() -> new ParkedSyncEvents(false, 0, List.of()));
    }

    /** Retries the letters of the number the given letter belongs to, in order, from the first. */
    Optional<SyncRetryOutcome> retry(String letterId) {
        return find(letterId).map(letter -> {
            String numberId = letter.getSequenceIdentifier();
            processing.sequencedDeadLetterProcessor(PlatformSync.GROUP)
                    .ifPresent(processor -> processor.process(first -> numberId.equals(sequenceOf(first))));
            long stillParked = queue().map(queue -> queue.sequenceSize(numberId)).orElse(0L);
            log.info("platform sync: retried the parked events of number {}, {} still parked", numberId, stillParked);
            return new SyncRetryOutcome(numberId, stillParked == 0, stillParked);
        });
    }

    /** Drops one letter for good, e.g. a change the platform will never accept; the number's others stay parked. */
    boolean discard(String letterId) {
        return find(letterId).map(letter -> {
            queue().ifPresent(queue -> queue.evict(letter));
            log.warn("platform sync: discarded parked event {} ({}) of number {}", letter.message().getIdentifier(),
                    publishedType(letter.message()), letter.getSequenceIdentifier());
            return true;
        }).orElse(false);
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return ((JpaDeadLetter<?>) letter).getSequenceIdentifier();
    }

    private Optional<JpaDeadLetter<?>> find(String letterId) {
        return queue().flatMap(queue -> letters(queue)
                .map(letter -> (JpaDeadLetter<?>) letter)
                .filter(letter -> letter.getId().equals(letterId))
                .findFirst());
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue() {
        return processing.deadLetterQueue(PlatformSync.GROUP);
    }

    private static Stream<DeadLetter<? extends EventMessage<?>>> letters(
            SequencedDeadLetterQueue<EventMessage<?>> queue) {
        return StreamSupport.stream(queue.deadLetters().spliterator(), false)
                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false));
    }

    private static ParkedSyncEvent view(DeadLetter<? extends EventMessage<?>> letter) {
        JpaDeadLetter<?> parked = (JpaDeadLetter<?>) letter;
        return new ParkedSyncEvent(parked.getId(), parked.getSequenceIdentifier(), publishedType(letter.message()),
                letter.message().getIdentifier(), letter.cause().map(Cause::message).orElse(null),
                AttemptCounting.attempts(letter), letter.enqueuedAt(), letter.lastTouched());
    }

    private static String publishedType(EventMessage<?> event) {
        return EventTypes.of(event.getPayloadType()).map(EventTypes.EventType::name)
                .orElse(event.getPayloadType().getSimpleName());
    }
}
