package io.switchboard.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.common.Role;
import io.switchboard.support.identity.DevTokens;
import io.switchboard.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for the service under test: bearer tokens, JSON in, status and JSON out. */
public final class HttpClientSupport {

    public static final String SECRET = "test-secret-of-at-least-thirty-two-bytes!";

    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        public String code() {
            return body.path("code").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public HttpClientSupport(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** A command service on its own test database, reading tokens signed with {@link #SECRET}, publishing nothing. */
    public static void serviceWithoutKafka(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "command");
        acceptTokens(registry);
        registry.add("switchboard.kafka.enabled", () -> "false");
    }

    /** The service accepts the {@link #token}s: {@link #SECRET}, and the issuer and audience of {@link DevTokens}. */
    public static void acceptTokens(DynamicPropertyRegistry registry) {
        DevTokens.properties(SECRET).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same as command-line arguments, for a service started with {@code SpringApplicationBuilder}. */
    public static List<String> tokenArguments() {
        return DevTokens.properties(SECRET).entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toList();
    }

    public static String token(String org, String user, Role... roles) {
        return DevTokens.mint(SECRET, user, org, List.of(roles), Instant.now(), Duration.ofMinutes(10));
    }

    public Reply send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader); // a Content-Type among them replaces the JSON one
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply send(String method, String path, String token, String body) {
        return send(method, path, token, body, Map.of());
    }
}
