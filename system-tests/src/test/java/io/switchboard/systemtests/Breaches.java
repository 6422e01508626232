package io.switchboard.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the fuzzer found wrong, by kind, with the first few requests of each kind to replay. */
final class Breaches {

    /** One thing wrong: its kind (what is counted) and what shows it. */
    record Breach(String kind, String detail) {
    }

    private static final int SHOWN_PER_KIND = 3;

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();

    /** {@code request} is null for what the run as a whole did. */
    void add(Breach breach, FuzzRequest request, String answered) {
        counts.merge(breach.kind(), 1, Integer::sum);
        List<String> shown = examples.computeIfAbsent(breach.kind(), kind -> new ArrayList<>());
        if (shown.size() < SHOWN_PER_KIND) {
            shown.add(request == null ? breach.detail()
                    : request.describe() + "\n  answered: " + answered + "\n  " + breach.detail());
        }
    }

    int count() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    String report() {
        return counts.entrySet().stream().map(kind -> kind.getValue() + " × " + kind.getKey())
                .collect(Collectors.joining(", ")) + "\n\n" + examples.entrySet().stream()
                .map(kind -> "== " + kind.getKey() + ":\n\n" + String.join("\n\n", kind.getValue()))
                .collect(Collectors.joining("\n\n"));
    }
}
