package io.switchboard.command.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.common.CommandAccepted;
import io.switchboard.support.axon.AxonSerializationConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads back the decision a CountCall stored, so that the first answer and every replay of it (same call id)
 * come from the same recorded event.
 */
@Component
class CallDecisions {

    /** Exactly one of the two is set. */
    record Decision(CallCounted counted, CallRefused refused) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json = AxonSerializationConfiguration.eventObjectMapper();

    CallDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Decision of(CommandAccepted accepted) {
        return jdbc.sql("""
                        SELECT payload_type, payload FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND sequence_number = :version""")
                .param("id", accepted.id())
                .param("version", accepted.version())
                .query((rs, row) -> read(rs.getString("payload_type"), rs.getBytes("payload")))
                .single();
    }

    private Decision read(String type, byte[] payload) {
        try {
            return type.equals(CallCounted.class.getName())
                    ? new Decision(json.readValue(payload, CallCounted.class), null)
                    : new Decision(null, json.readValue(payload, CallRefused.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
