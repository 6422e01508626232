package io.switchboard.systemtests;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** How the fuzzed requests were answered, by operation and by status class. */
final class FuzzTally {

    /** Index 0 counts requests that got no reply, 1 to 5 the status classes. */
    private static final int NO_REPLY = 0;

    private final Map<ApiOperation, int[]> byOperation = new LinkedHashMap<>();
    private final Map<ApiOperation, Long> nanos = new HashMap<>();
    private final int[] total = new int[6];
    private int retryLater;

    FuzzTally(List<ApiOperation> operations) {
        operations.forEach(operation -> byOperation.put(operation, new int[6]));
    }

    void count(ApiOperation operation, FuzzReply reply, long took) {
        add(operation, reply.statusClass(), took);
        if (reply.status() == 503 && reply.retryAfter().isPresent()) {
            retryLater++;
        }
    }

    void noReply(ApiOperation operation, long took) {
        add(operation, NO_REPLY, took);
    }

    List<String> perOperation() {
        return byOperation.entrySet().stream().map(entry -> {
            int requests = IntStream.of(entry.getValue()).sum();
            return String.format("fuzz: %s: %d requests, %s; %.1f ms a request", entry.getKey(), requests,
                    classes(entry.getValue()), nanos.getOrDefault(entry.getKey(), 0L) / 1e6 / Math.max(1, requests));
        }).toList();
    }

    String summary(int requests, Duration took, long seed) {
        return String.format("fuzz: %d requests in %.1f s: %s (503 with Retry-After: %d); seed=%d", requests,
                took.toMillis() / 1000.0, classes(total), retryLater, seed);
    }

    private void add(ApiOperation operation, int statusClass, long took) {
        nanos.merge(operation, took, Long::sum);
        byOperation.get(operation)[statusClass]++;
        total[statusClass]++;
    }

    private static String classes(int[] counts) {
        String classes = IntStream.rangeClosed(1, 5).filter(c -> counts[c] > 0 || c == 2 || c == 4 || c == 5)
                .mapToObj(c -> c + "xx " + counts[c]).collect(Collectors.joining(", "));
        return counts[NO_REPLY] == 0 ? classes : classes + ", no reply " + counts[NO_REPLY];
    }
}
