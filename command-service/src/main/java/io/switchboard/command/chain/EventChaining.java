package io.switchboard.command.chain;

import io.switchboard.api.stream.ChainHash;
import io.switchboard.api.stream.ChainedEvent;
import io.switchboard.api.stream.EventMetadata;
import io.switchboard.api.stream.EventTypes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Links every event into its aggregate's tamper-evident chain before it is stored: the event's metadata gets
 * {@link ChainHash#METADATA_KEY}, the hash of its content chained to the previous event of the same aggregate,
 * which is earlier in this unit of work or already in the store. Data is hashed as the event serializer writes it,
 * so a verifier reading the stored payload recomputes the same hash.
 */
class EventChaining implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String PENDING_HEADS = EventChaining.class.getName();

    private final ChainHeads heads;
    private final Serializer eventSerializer;

    EventChaining(ChainHeads heads, Serializer eventSerializer) {
        this.heads = heads;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> event instanceof DomainEventMessage<?> domainEvent ? chain(domainEvent) : event;
    }

    private EventMessage<?> chain(DomainEventMessage<?> event) {
        Map<String, ChainHead> pending = pendingHeads();
        String aggregateId = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        ChainHead previous = pending.get(aggregateId);
        String previousHash = previous != null && previous.sequence() == sequence - 1 ? previous.hash()
                : heads.hashBefore(aggregateId, sequence);
        String hash = ChainHash.next(previousHash, content(event));
        pending.put(aggregateId, new ChainHead(aggregateId, sequence, hash));
        return event.andMetaData(Map.of(EventMetadata.CHAIN_HASH, hash));
    }

    private ChainedEvent content(DomainEventMessage<?> event) {
        String type = EventTypes.published(event.getPayloadType()).name();
        MetaData metaData = event.getMetaData();
        return new ChainedEvent(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(), type,
                event.getTimestamp(), text(metaData.get(EventMetadata.ACTOR_ID)),
                text(metaData.get(EventMetadata.CORRELATION_ID)),
                eventSerializer.serialize(event.getPayload(), byte[].class).getData());
    }

    /** The heads this unit of work has moved; remembered for the next command once they are committed. */
    private Map<String, ChainHead> pendingHeads() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING_HEADS, key -> {
            Map<String, ChainHead> pending = new HashMap<>();
            root.afterCommit(unitOfWork -> heads.remember(pending.values()));
            return pending;
        });
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
