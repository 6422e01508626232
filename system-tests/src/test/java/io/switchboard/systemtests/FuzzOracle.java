package io.switchboard.systemtests;

import io.switchboard.systemtests.Breaches.Breach;

import java.util.ArrayList;
import java.util.List;

/**
 * What every reply to a fuzzed request must be (SPEC §4, §6): no 5xx but a 503 with {@code Retry-After} (which a
 * dependency being down excuses, and the tally counts); every 4xx an {@code application/problem+json} with a stable
 * {@code code}; another organization's object never served.
 */
final class FuzzOracle {

    private FuzzOracle() {
    }

    /** What is wrong with {@code reply}; nothing where it is right. */
    static List<Breach> breaches(FuzzRequest request, FuzzReply reply) {
        List<Breach> breaches = new ArrayList<>();
        if (reply.statusClass() == 5 && !(reply.status() == 503 && reply.retryAfter().isPresent())) {
            breaches.add(new Breach("a " + reply.status(), "SPEC §4: bad input never yields a 5xx"));
        }
        if (reply.statusClass() == 4) {
            if (!reply.contentType().orElse("").startsWith("application/problem+json")) {
                breaches.add(new Breach("a 4xx that is not application/problem+json", "SPEC §4: RFC 9457 problems"));
            }
            if (reply.json().path("code").asText("").isBlank()) {
                breaches.add(new Breach("a 4xx problem without a code", "SPEC §4: a stable code"));
            }
        }
        if (reply.statusClass() == 2 && request.aimsAtOtherOrg() && request.caller() != Caller.PLATFORM_ADMIN) {
            breaches.add(new Breach("another organization's object served", "SPEC §6: it answers 404"));
        }
        return breaches;
    }
}
