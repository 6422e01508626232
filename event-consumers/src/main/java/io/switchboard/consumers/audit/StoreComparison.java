package io.switchboard.consumers.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.switchboard.api.stream.EventTypes;
import io.switchboard.consumers.stream.CloudEvent;
import io.switchboard.consumers.stream.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares the topic's history of each sampled aggregate with the event store's rows: the same event ids at the
 * same sequences, the published type of the stored Java class, and the same data.
 */
final class StoreComparison {

    private static final Map<String, String> PUBLISHED_TYPES = EventTypes.all().entrySet().stream()
            .collect(Collectors.toMap(type -> type.getKey().getName(), type -> type.getValue().name()));

    private StoreComparison() {
    }

    /**
     * @param publishedThrough the highest global position seen on the topic: a stored event after it may simply
     *                         not be published yet, so it is not reported missing
     */
    static List<Difference> compare(Collection<String> subjects, Map<String, NavigableMap<Long, CloudEvent>> topic,
                                    Map<String, List<StoredEvent>> store, long publishedThrough) {
        List<Difference> differences = new ArrayList<>();
        for (String subject : subjects) {
            NavigableMap<Long, CloudEvent> published = topic.getOrDefault(subject, Collections.emptyNavigableMap());
            Map<Long, StoredEvent> stored = new TreeMap<>();
            store.getOrDefault(subject, List.of()).forEach(row -> stored.put(row.sequence(), row));
            SortedSet<Long> sequences = new TreeSet<>(published.keySet());
            sequences.addAll(stored.keySet());
            for (long sequence : sequences) {
                differences(published.get(sequence), stored.get(sequence), publishedThrough)
                        .forEach(what -> differences.add(new Difference(subject, sequence, what)));
            }
        }
        return differences;
    }

    private static List<String> differences(CloudEvent published, StoredEvent stored, long publishedThrough) {
        if (published == null) {
            return stored.globalIndex() > publishedThrough ? List.of() : List.of("in the event store (event "
                    + stored.eventId() + ", global index " + stored.globalIndex() + "), not on the topic");
        }
        if (stored == null) {
            return List.of("on the topic (event " + published.id() + "), not in the event store");
        }
        List<String> differences = new ArrayList<>();
        if (!published.id().equals(stored.eventId())) {
            differences.add("event id differs: topic " + published.id() + ", event store " + stored.eventId());
        }
        String storedType = PUBLISHED_TYPES.get(stored.payloadType());
        if (!published.type().equals(storedType)) {
            differences.add("type differs: topic " + published.type() + ", event store " + stored.payloadType()
                    + (storedType == null ? " (no published type)" : " (published as " + storedType + ")"));
        }
        JsonNode storedData = readJson(stored.payload());
        if (!storedData.isObject()) {
            differences.add("the event store's payload is not a JSON object");
            return differences;
        }
        for (String member : memberNames(published.data(), storedData)) {
            JsonNode onTopic = published.data().path(member);
            JsonNode inStore = storedData.path(member);
            if (!sameJson(onTopic, inStore)) {
                differences.add("data." + member + " differs: topic " + shown(onTopic) + ", event store "
                        + shown(inStore));
            }
        }
        return differences;
    }

    /**
     * Equal JSON, except that arrays compare as sets: every array in event data is a Java set (capabilities,
     * allowed countries), written in whatever order that set iterates, which differs between JVMs.
     */
    private static boolean sameJson(JsonNode one, JsonNode other) {
        if (one.isArray() && other.isArray()) {
            List<JsonNode> unmatched = new ArrayList<>();
            other.forEach(unmatched::add);
            for (JsonNode element : one) {
                if (!removeOne(unmatched, element)) {
                    return false;
                }
            }
            return unmatched.isEmpty();
        }
        if (one.isObject() && other.isObject()) {
            return one.size() == other.size() && memberNames(one, other).stream()
                    .allMatch(member -> sameJson(one.path(member), other.path(member)));
        }
        return one.equals(other);
    }

    private static boolean removeOne(List<JsonNode> candidates, JsonNode wanted) {
        for (int i = 0; i < candidates.size(); i++) {
            if (sameJson(wanted, candidates.get(i))) {
                candidates.remove(i);
                return true;
            }
        }
        return false;
    }

    private static SortedSet<String> memberNames(JsonNode one, JsonNode other) {
        SortedSet<String> names = new TreeSet<>();
        one.fieldNames().forEachRemaining(names::add);
        other.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String shown(JsonNode value) {
        return value.isMissingNode() ? "(absent)" : value.toString();
    }

    private static JsonNode readJson(byte[] payload) {
        try {
            return Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
