package io.switchboard.command.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.stream.ChainHash;
import io.switchboard.api.stream.ChainedEvent;
import io.switchboard.api.stream.EventMetadata;
import io.switchboard.api.stream.EventTypes;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Test side of SPEC §5's chain: recomputes every stored link independently of the service's own bookkeeping. */
public final class StoredChains {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredChains() {
    }

    /** Asserts that every stored event's chain hash is the hash of its content chained to the one before it. */
    public static Map<String, String> assertIntact(JdbcTemplate jdbc) {
        Map<String, String> hashByEventId = new LinkedHashMap<>();
        Map<String, String> heads = new HashMap<>();
        jdbc.query("SELECT event_identifier, aggregate_identifier, sequence_number, payload_type, time_stamp, payload,"
                + " meta_data FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number", row -> {
            String aggregateId = row.getString("aggregate_identifier");
            long sequence = row.getLong("sequence_number");
            JsonNode metaData = json(row.getBytes("meta_data"));
            String stored = metaData.path(EventMetadata.CHAIN_HASH).textValue();
            ChainedEvent content = new ChainedEvent(row.getString("event_identifier"), aggregateId, sequence,
                    EventTypes.ofClassName(row.getString("payload_type")).orElseThrow().name(),
                    Instant.parse(row.getString("time_stamp")), metaData.path(EventMetadata.ACTOR_ID).textValue(),
                    metaData.path(EventMetadata.CORRELATION_ID).textValue(), row.getBytes("payload"));
            String previous = sequence == 0 ? ChainHash.GENESIS : heads.get(aggregateId);
            assertThat(stored).as("chain hash of %s/%d", aggregateId, sequence)
                    .isEqualTo(ChainHash.next(previous, content));
            heads.put(aggregateId, stored);
            hashByEventId.put(content.eventId(), stored);
        });
        return hashByEventId;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
