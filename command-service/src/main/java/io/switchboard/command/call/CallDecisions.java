package io.switchboard.command.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.common.CommandAccepted;
import io.switchboard.command.web.CommandSender;
import io.switchboard.support.axon.AxonSerializationConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The decision a CountCall recorded: taken from the command itself when it was just decided, read back from the
 * event store when the call id was answered before, so that the first answer and every replay of it come from
 * the same recorded event.
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

    Decision of(CommandSender.Sent sent) {
        return sent.lastEvent().map(CallDecisions::decided).orElseGet(() -> recorded(sent.accepted()));
    }

    private static Decision decided(Object event) {
        return event instanceof CallCounted counted
                ? new Decision(counted, null) : new Decision(null, (CallRefused) event);
    }

    private Decision recorded(CommandAccepted accepted) {
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
