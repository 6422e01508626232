package io.switchboard.command.platformsync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/**
 * Vapi's phone-number API: {@code PATCH /phone-number/{id}} with {@code assistantId} (null: no assistant) and
 * {@code DELETE /phone-number/{id}}, authenticated with the API key as a bearer token. Nothing it reports (log,
 * exception, dead letter) contains the key.
 */
final class VapiPhoneNumbers implements VoicePlatform {

    /** Vapi's ids are UUIDs; anything else is refused before it could change the request's path. */
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int EXCERPT_LENGTH = 200;

    private final PlatformSyncProperties.Vapi vapi;
    private final HttpClient http;

    VapiPhoneNumbers(PlatformSyncProperties.Vapi vapi) {
        this.vapi = vapi;
        this.http = HttpClient.newBuilder().connectTimeout(vapi.timeout()).build();
    }

    @Override
    public void assign(String phoneNumberId, String assistantId) {
        patchAssistant(phoneNumberId, assistantId);
    }

    @Override
    public void unassign(String phoneNumberId) {
        patchAssistant(phoneNumberId, null);
    }

    @Override
    public void release(String phoneNumberId) {
        send(request(phoneNumberId).DELETE(), "DELETE", phoneNumberId, true);
    }

    private void patchAssistant(String phoneNumberId, String assistantId) {
        String body = JsonNodeFactory.instance.objectNode().put("assistantId", assistantId).toString();
        send(request(phoneNumberId).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), "PATCH", phoneNumberId, false);
    }

    private HttpRequest.Builder request(String phoneNumberId) {
        if (!PHONE_NUMBER_ID.matcher(phoneNumberId).matches()) {
            throw PlatformCallFailed.permanent("the number's Vapi reference is not a Vapi phone-number id");
        }
        return HttpRequest.newBuilder(URI.create(vapi.baseUrl() + "/phone-number/" + phoneNumberId))
                .timeout(vapi.timeout())
                .header("Authorization", "Bearer " + vapi.apiKey())
                .header("Accept", "application/json");
    }

    private void send(HttpRequest.Builder request, String method, String phoneNumberId, boolean goneIsDone) {
        String described = method + " /phone-number/" + phoneNumberId;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 != 2 && !(goneIsDone && status == 404)) {
                throw PlatformCallFailed.answered(described, status, excerpt(response.body()));
            }
        } catch (IOException unreachable) {
            throw PlatformCallFailed.unreachable(described, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw PlatformCallFailed.permanent("interrupted during " + described);
        }
    }

    private String excerpt(String body) {
        String single = body.replaceAll("\\s+", " ").strip().replace(vapi.apiKey(), "[api key]");
        return single.length() <= EXCERPT_LENGTH ? single : single.substring(0, EXCERPT_LENGTH) + "…";
    }
}
