package io.switchboard.query.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How far the read models of this service have got, read from the committed tokens in {@code token_entry}
 * rather than from {@link StreamingEventProcessor#processingStatus()}: that status knows only the segments this
 * instance has claimed, while the committed tokens cover every segment, whichever instance processes it, and a
 * token is committed in the same transaction as the read-model rows it accounts for.
 */
@Component
class ReadModelProgress {

    private static final String COMMITTED_TOKENS =
            "SELECT token, token_type FROM token_entry WHERE processor_name = :processor";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Serializer serializer;

    ReadModelProgress(EventProcessingConfiguration processing, EventStore eventStore, JdbcClient jdbc,
                      Serializer serializer) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** True when every segment of every streaming processor has handled the event at {@code position}. */
    boolean hasProcessed(long position) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(EventProcessor::getName)
                .allMatch(processor -> {
                    List<TrackingToken> segments = committedTokens(processor);
                    return !segments.isEmpty()
                            && segments.stream().allMatch(token -> ProcessedPosition.includes(token, position));
                });
    }

    /** The global index of the newest committed event, 0 while there is none: no read model can get past it. */
    long eventStoreHead() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private List<TrackingToken> committedTokens(String processor) {
        return jdbc.sql(COMMITTED_TOKENS)
                .param("processor", processor)
                .query((row, rowNumber) -> token(row.getBytes("token"), row.getString("token_type")))
                .list();
    }

    private TrackingToken token(byte[] serialized, String type) {
        return serialized == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type, null));
    }
}
