package io.switchboard.systemtests;

import io.switchboard.api.common.Role;
import io.switchboard.systemtests.Http.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §6, OWASP API4 (unrestricted resource consumption): every size the API accepts is bounded, and going
 * over a bound answers a 4xx problem with a stable code, never a 5xx, and writes nothing.
 */
@ExtendWith(RunningStack.class)
class BoundedInputIT {

    private static final String ORG = "bounds-" + UUID.randomUUID();
    private static String numberId;

    /** One request over one bound, and the answer it must get. */
    record Over(String bound, boolean query, String method, String path, String body, int status, String code) {
        @Override
        public String toString() {
            return "§6: " + bound + " → " + status + " " + code;
        }
    }

    @BeforeAll
    static void aNumber() {
        numberId = Http.call("POST", RunningStack.stack().commandUrl() + "/api/v1/phone-numbers", admin(),
                "{\"number\":\"" + RunningStack.freshUsNumber() + "\",\"provider\":\"twilio\"}").id();
    }

    private static String admin() {
        return RunningStack.token(ORG, "admin", Role.ORG_ADMIN);
    }

    static Stream<Over> bounds() {
        String number = "/api/v1/phone-numbers/{id}";
        return Stream.of(
                new Over("a body over 2 MiB", false, "POST", "/api/v1/agents",
                        "{\"name\":\"" + "x".repeat(2_200_000) + "\"}", 413, "PAYLOAD_TOO_LARGE"),
                new Over("a label over 64 characters", false, "PATCH", number,
                        "{\"label\":\"" + "l".repeat(65) + "\"}", 400, "VALIDATION_FAILED"),
                new Over("more than 32 metadata entries", false, "PATCH", number,
                        "{\"metadata\":{" + entries(33, 5) + "}}", 400, "VALIDATION_FAILED"),
                new Over("a metadata value over 512 characters", false, "PATCH", number,
                        "{\"metadata\":{\"k\":\"" + "v".repeat(513) + "\"}}", 400, "VALIDATION_FAILED"),
                new Over("a metadata key over 64 characters", false, "PATCH", number,
                        "{\"metadata\":{\"" + "k".repeat(65) + "\":\"v\"}}", 400, "VALIDATION_FAILED"),
                new Over("more than 16 provider references", false, "PATCH", number,
                        "{\"providerRefs\":{" + entries(17, 5) + "}}", 400, "VALIDATION_FAILED"),
                new Over("a webhook URL over 2048 characters", false, "PATCH", number,
                        "{\"webhookUrl\":\"https://example.com/" + "p".repeat(2_048) + "\"}", 400, "VALIDATION_FAILED"),
                new Over("an agent name over its maximum", false, "POST", "/api/v1/agents",
                        "{\"name\":\"" + "n".repeat(10_000) + "\"}", 400, "VALIDATION_FAILED"),
                new Over("JSON nested 2000 levels deep", false, "POST", "/api/v1/agents",
                        "{\"name\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}", 400, "VALIDATION_FAILED"),
                new Over("a top-level JSON array nested 2000 levels deep", false, "POST", "/api/v1/agents",
                        "[".repeat(2_000) + "]".repeat(2_000), 400, "MALFORMED_REQUEST"),
                new Over("a number literal of 5000 digits", false, "PUT", number + "/limits",
                        "{\"dailyLimit\":" + "9".repeat(5_000) + ",\"allowedCountries\":[\"US\"]}", 400,
                        "MALFORMED_REQUEST"),
                new Over("more than 250 allowed countries", false, "PUT", number + "/limits",
                        "{\"dailyLimit\":1,\"allowedCountries\":[" + IntStream.range(0, 251).mapToObj(i -> "\"C" + i + "\"")
                                .collect(Collectors.joining(",")) + "]}", 400, "VALIDATION_FAILED"),
                new Over("a bulk import of more than 10,000 rows", false, "POST", "/api/v1/phone-numbers/bulk",
                        bulkRows(10_001), 413, "TOO_MANY_ROWS"),
                new Over("a bulk import without rows", false, "POST", "/api/v1/phone-numbers/bulk", bulkRows(0), 400,
                        "VALIDATION_FAILED"),
                new Over("a page over 200 items", true, "GET", "/api/v1/phone-numbers?limit=201", null, 400,
                        "VALIDATION_FAILED"),
                new Over("a page of 0 items", true, "GET", "/api/v1/agents?limit=0", null, 400, "VALIDATION_FAILED"),
                new Over("a cursor that is not one", true, "GET", "/api/v1/phone-numbers?cursor=" + "z".repeat(3_000),
                        null, 400, "INVALID_CURSOR"),
                new Over("an encoded slash in a path id", false, "PATCH", "/api/v1/phone-numbers/..%2F..%2Factuator",
                        "{\"label\":\"x\"}", 400, "MALFORMED_REQUEST"),
                new Over("a path id of 3000 characters", false, "PATCH", "/api/v1/phone-numbers/" + "9".repeat(3_000),
                        "{\"label\":\"x\"}", 404, "NOT_FOUND"));
    }

    /** A JSON bulk import of {@code count} rows (one number again and again: it is refused before any is read). */
    private static String bulkRows(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"number\":\"+12025550123\",\"provider\":\"twilio\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String entries(int count, int length) {
        return IntStream.range(0, count).mapToObj(i -> "\"k" + i + "\":\"" + "v".repeat(length) + "\"")
                .collect(Collectors.joining(","));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void overTheBound(Over over) {
        long before = RunningStack.eventCount();
        String base = over.query() ? RunningStack.stack().queryUrl() : RunningStack.stack().commandUrl();

        Reply reply = Http.call(over.method(), base + over.path().replace("{id}", numberId), admin(), over.body());

        assertThat(reply.status()).as(reply.raw()).isEqualTo(over.status());
        assertThat(reply.body().path("code").asText()).as(reply.raw()).isEqualTo(over.code());
        assertThat(RunningStack.eventCount()).as("nothing written").isEqualTo(before);
    }
}
