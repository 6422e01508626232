package io.switchboard.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Sends a {@link FuzzRequest} byte for byte, with no headers of its own but those HTTP needs. */
final class FuzzClient {

    /** The reply, or else the failure that says there was none (the service closed or reset the connection). */
    record Answer(FuzzReply reply, IOException noReply, long nanos) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    CompletableFuture<Answer> send(FuzzRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(30))
                .method(request.operation().method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.authorization().ifPresent(value -> http.header("Authorization", value));
        for (Map.Entry<String, String> header : request.headers()) {
            http.header(header.getKey(), header.getValue());
        }
        long start = System.nanoTime();
        return client.sendAsync(http.build(), HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            long nanos = System.nanoTime() - start;
            if (failure == null) {
                return new Answer(FuzzReply.of(response.statusCode(), response.headers().firstValue("Content-Type"),
                        response.headers().firstValue("Retry-After"), response.body()), null, nanos);
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof IOException noReply) {
                return new Answer(null, noReply, nanos);
            }
            throw new CompletionException(cause);
        });
    }
}
