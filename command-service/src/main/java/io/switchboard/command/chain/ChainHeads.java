package io.switchboard.command.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.stream.ChainHash;
import io.switchboard.api.stream.EventMetadata;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each aggregate's chain ends. The hash an event chains to is read from the stored event before it (its
 * metadata), unless this instance committed that very event lately: a bounded cache keyed by aggregate, trusted
 * only for the exact sequence, so an event another instance appended in between is read from the store.
 */
class ChainHeads {

    private static final int CACHED_AGGREGATES = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Map<String, ChainHead> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChainHead> eldest) {
            return size() > CACHED_AGGREGATES;
        }
    };

    ChainHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The hash of the aggregate's event just before {@code sequence}; the genesis value before the first. */
    String hashBefore(String aggregateId, long sequence) {
        if (sequence == 0) {
            return ChainHash.GENESIS;
        }
        ChainHead head;
        synchronized (recent) {
            head = recent.get(aggregateId);
        }
        if (head != null && head.sequence() == sequence - 1) {
            return head.hash();
        }
        return storedHash(aggregateId, sequence - 1);
    }

    void remember(Collection<ChainHead> committed) {
        synchronized (recent) {
            committed.forEach(head -> recent.put(head.aggregateId(), head));
        }
    }

    private String storedHash(String aggregateId, long sequence) {
        List<byte[]> metaData = jdbc.queryForList("SELECT meta_data FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = ?", byte[].class, aggregateId, sequence);
        if (metaData.isEmpty()) {
            throw new IllegalStateException("no stored event " + aggregateId + "/" + sequence + " to chain to");
        }
        try {
            JsonNode hash = JSON.readTree(metaData.get(0)).path(EventMetadata.CHAIN_HASH);
            // an event stored before chaining began starts the chain afresh; `audit verify` reports it
            return hash.isTextual() ? hash.asText() : ChainHash.GENESIS;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable metadata of " + aggregateId + "/" + sequence, e);
        }
    }
}
