package io.switchboard.command.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * GETs JSON from a provider with HTTP Basic credentials. A 429 is retried after the Retry-After it names (up to
 * {@link ProviderApiProperties#maxRetryAfter()}), a 5xx or a broken connection after a growing pause; 401, 403
 * and 404 mean the credentials are refused. Logs and refusals name the URL path and status with every account
 * identifier in them masked (Twilio's paths and error messages carry the Account SID), never the credentials.
 */
class ProviderHttp {

    private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    /** Twilio's resource ids: two capitals and 32 hex digits (Account SID AC..., API key SK..., number PN...). */
    private static final Pattern PROVIDER_ID = Pattern.compile("\\b[A-Z]{2}[0-9a-fA-F]{32}\\b");

    private final HttpClient client;
    private final ProviderApiProperties properties;

    ProviderHttp(ProviderApiProperties properties) {
        this.properties = properties;
        client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    JsonNode get(URI uri, String user, String password) {
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            Duration pause;
            String failure;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return JSON.readTree(response.body());
                }
                if (status == 401 || status == 403 || status == 404) {
                    throw new ProviderRefusedCredentialsException(refusal(status, response.body()));
                }
                failure = "HTTP " + status;
                OptionalLong retryAfter = status == 429
                        ? response.headers().firstValueAsLong("Retry-After") : OptionalLong.empty();
                pause = retryAfter.isPresent() ? Duration.ofSeconds(retryAfter.getAsLong()) : backoff;
                if (status < 500 && status != 429) {
                    throw new ProviderUnavailableException("the provider answered " + failure, null);
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
                pause = backoff;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("interrupted while waiting for the provider", null);
            }
            log.warn("provider request GET {} failed ({}), attempt {} of {}", masked(uri.getPath()), failure, attempt,
                    properties.attempts());
            if (attempt >= properties.attempts() || pause.compareTo(properties.maxRetryAfter()) > 0) {
                throw new ProviderUnavailableException("the provider did not answer (" + failure + ") after "
                        + attempt + " attempts", pause);
            }
            sleep(pause);
            backoff = backoff.multipliedBy(2);
        }
    }

    /** The provider's own words: Twilio answers {"code": 20003, "message": "Authenticate", ...}. */
    private static String refusal(int status, String body) {
        String reason = "HTTP " + status;
        try {
            JsonNode error = JSON.readTree(body);
            if (error.path("message").isTextual()) {
                reason += ": " + error.get("message").asText();
            }
            if (error.path("code").isNumber()) {
                reason += " (error " + error.get("code").asInt() + ")";
            }
        } catch (IOException notJson) {
            // the status says enough
        }
        reason = masked(reason);
        return reason.length() > 200 ? reason.substring(0, 200) : reason;
    }

    static String masked(String text) {
        return PROVIDER_ID.matcher(text).replaceAll(Masking.MASK);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while waiting for the provider", null);
        }
    }
}
