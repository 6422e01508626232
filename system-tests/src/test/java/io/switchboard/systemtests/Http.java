package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** JSON over HTTP against the running services, as a client sees them. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    record Reply(int status, String raw) {
        JsonNode body() {
            try {
                return raw.isEmpty() ? JSON.nullNode() : JSON.readTree(raw);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw, e);
            }
        }

        long position() {
            return body().get("position").asLong();
        }

        String id() {
            return body().get("id").asText();
        }
    }

    /**
     * {@code headers} are name, value, name, value...; a Content-Type among them replaces the default JSON one, and
     * an empty value sends no such header at all. A null token sends no Authorization header.
     */
    static Reply call(String method, String url, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!List.of(headers).contains("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            if (!headers[i + 1].isEmpty()) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
