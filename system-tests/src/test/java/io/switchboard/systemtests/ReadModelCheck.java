package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Tells read models that lag, which a 503 READ_MODEL_BEHIND may answer for, from read models that stopped: one more
 * read waits for the position (up to the query service's bound), and if that is not enough, the query service's own
 * account of its projections says which stopped where, and why.
 */
final class ReadModelCheck {

    /** A projection that has not reached the position, where it is and the error it reports. */
    record Stopped(String name, long position, String error) {
        @Override
        public String toString() {
            return name + " at position " + position + (error.isEmpty() ? "" : ": "
                    + (error.length() > SHOWN_ERROR ? error.substring(0, SHOWN_ERROR) + "..." : error));
        }
    }

    private static final int SHOWN_ERROR = 600;

    private final String queryUrl;

    ReadModelCheck(String queryUrl) {
        this.queryUrl = queryUrl;
    }

    /** The projections still short of {@code position} after one more wait; none where they caught up. */
    List<Stopped> stoppedBefore(long position, String platformAdminToken) {
        Http.Reply read = Http.call("GET", queryUrl + "/api/v1/org/summary", platformAdminToken, null,
                "X-Min-Position", Long.toString(position));
        List<Stopped> stopped = new ArrayList<>();
        if (read.status() == 200) {
            return stopped;
        }
        for (JsonNode projection : Http.call("GET", queryUrl + "/api/v1/admin/projections", platformAdminToken, null)
                .body()) {
            if (projection.path("position").asLong() < position) {
                stopped.add(new Stopped(projection.path("name").asText(), projection.path("position").asLong(),
                        projection.path("error").asText("")));
            }
        }
        return stopped;
    }

    /** Where the first of them stopped: the event after it is the one it could not take. */
    static OptionalLong lowest(List<Stopped> stopped) {
        return stopped.stream().mapToLong(Stopped::position).min();
    }
}
