package io.switchboard.query.http;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events to the shared event store as the command service would, each at the next sequence number of its
 * aggregate, but stamped with the time, actor and correlation id the test chooses; several may go in one
 * transaction, as the events of one command do.
 */
final class TimedEvents {

    /** One event to append: of which aggregate, when, by whom, in which request. */
    record Event(String aggregateType, String aggregateId, Object payload, Instant at, String actor,
                 String correlationId) {
    }

    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private long lastPosition;

    TimedEvents(EventStore eventStore, TransactionTemplate transaction, JdbcClient jdbc) {
        this.eventStore = eventStore;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    long lastPosition() {
        return lastPosition;
    }

    /** Appends one event; answers its global position. */
    long append(String aggregateType, String aggregateId, Object payload, Instant at, String actor,
                String correlationId) {
        return appendAll(List.of(new Event(aggregateType, aggregateId, payload, at, actor, correlationId)));
    }

    /** Appends the events in one transaction; answers the global position of the last one. */
    long appendAll(List<Event> events) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        Map<String, Long> nextSequence = new HashMap<>();
        for (Event event : events) {
            long sequence = nextSequence.computeIfAbsent(event.aggregateId(), this::storedNextSequence);
            nextSequence.put(event.aggregateId(), sequence + 1);
            Map<String, Object> metaData = new HashMap<>();
            if (event.actor() != null) {
                metaData.put("actorId", event.actor());
            }
            if (event.correlationId() != null) {
                metaData.put("correlationId", event.correlationId());
            }
            messages.add(new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), sequence,
                    event.payload(), metaData, UUID.randomUUID().toString(), event.at()));
        }
        transaction.executeWithoutResult(status -> eventStore.publish(messages));
        lastPosition = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = :id")
                .param("id", messages.get(messages.size() - 1).getIdentifier()).query(Long.class).single();
        return lastPosition;
    }

    private long storedNextSequence(String aggregateId) {
        return jdbc.sql("SELECT COALESCE(MAX(sequence_number) + 1, 0) FROM domain_event_entry"
                        + " WHERE aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }
}
