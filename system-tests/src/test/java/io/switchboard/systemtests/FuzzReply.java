package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.util.Optional;

/** What a service answered a fuzzed request; {@code json} is missing where the body is not JSON. */
record FuzzReply(int status, Optional<String> contentType, Optional<String> retryAfter, String body, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static FuzzReply of(int status, Optional<String> contentType, Optional<String> retryAfter, String body) {
        return new FuzzReply(status, contentType, retryAfter, body, parse(body));
    }

    /** 2 for 2xx, 4 for 4xx... */
    int statusClass() {
        return status / 100;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = body.isBlank() ? null : JSON.readTree(body);
            return json == null ? MissingNode.getInstance() : json;
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public String toString() {
        return status + " " + contentType.orElse("(no Content-Type)")
                + retryAfter.map(after -> ", Retry-After: " + after).orElse("") + ": "
                + (body.length() > 1_000 ? body.substring(0, 1_000) + "..." : body);
    }
}
