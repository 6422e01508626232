package io.switchboard.systemtests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.switchboard.systemtests.ApiOperation.Body;
import io.switchboard.systemtests.SchemaValues.Generated;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request being made: valid at first, then spoiled in one place. Path and query values are kept percent-encoded,
 * header values as the bytes they are sent as (one char a byte).
 */
final class RequestDraft {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes every non-ASCII character as a {@code \}{@code u} escape: a lone surrogate then reaches the service. */
    private static final ObjectMapper ESCAPING_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    final ApiOperation operation;
    Caller caller;
    final Map<String, String> path = new LinkedHashMap<>();
    final List<Map.Entry<String, String>> query = new ArrayList<>();
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    /** What the body is sent as, of those the operation reads; null while there is none. */
    Body media;
    /** The JSON body, unless {@link #rawBody} replaces it or there is none. */
    Generated json;
    byte[] rawBody;
    String contentType;
    boolean escapeNonAscii;
    String authorization;
    String credential;
    boolean aimsAtOtherOrg;
    /** A {@code X-Correlation-Id} of its own instead of the run's (which names the request in the event store). */
    String correlationId;

    RequestDraft(ApiOperation operation) {
        this.operation = operation;
    }

    boolean hasBody() {
        return json != null || rawBody != null;
    }

    byte[] body() {
        if (rawBody != null || json == null) {
            return rawBody;
        }
        try {
            return escapeNonAscii ? ESCAPING_JSON.writeValueAsBytes(json.value())
                    : JSON.writeValueAsString(json.value()).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    void header(String name, String value) {
        headers.removeIf(header -> header.getKey().equalsIgnoreCase(name));
        headers.add(Map.entry(name, value));
    }

    FuzzRequest toRequest(int index, String baseUrl, String mutation, String runCorrelationId) {
        String url = baseUrl + operation.path();
        for (Map.Entry<String, String> value : path.entrySet()) {
            url = url.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (!query.isEmpty()) {
            url += "?" + String.join("&", query.stream().map(pair -> pair.getKey() + "=" + pair.getValue()).toList());
        }
        List<Map.Entry<String, String>> sent = new ArrayList<>();
        if (contentType != null) {
            sent.add(Map.entry("Content-Type", contentType));
        }
        sent.addAll(headers);
        sent.add(Map.entry(FuzzRequests.CORRELATION_ID, correlationId != null ? correlationId : runCorrelationId));
        return new FuzzRequest(index, operation, caller, mutation, url, List.copyOf(sent),
                Optional.ofNullable(authorization), credential, body(), Map.copyOf(path),
                json == null || rawBody != null ? Optional.empty() : Optional.of(json.value()), aimsAtOtherOrg);
    }
}
