package io.switchboard.query.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.query.NumberHistoryEntry;
import io.switchboard.api.query.Page;
import io.switchboard.api.stream.EventMetadata;
import io.switchboard.api.stream.EventTypes;
import io.switchboard.query.paging.Cursor;
import io.switchboard.support.axon.AxonSerializationConfiguration;
import io.switchboard.support.identity.Actor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A number's history (SPEC §5): its own events and its assignments' in event-store order, oldest first, limited to
 * the holding or ownership periods the caller may see ({@link Holdings}). Calls are left out unless asked for.
 * <p>
 * Without calls, a page is one indexed query on {@code number_history} per visible period. With calls, each of the
 * number's assignment streams is also read from the first event after the cursor, found by a binary search on the
 * stream's sequence numbers (positions grow with them), so a page costs a few index probes per assignment however
 * many calls came before it.
 */
@Component
public class NumberHistory {

    private static final String CURSOR_KEY = "position";
    private static final ObjectMapper JSON = AxonSerializationConfiguration.eventObjectMapper();
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final StoredEvents events;

    NumberHistory(StoredEvents events) {
        this.events = events;
    }

    /** The page after {@code after} (a position, -1 for the first page); empty when the caller may not see it. */
    public Optional<Page<NumberHistoryEntry>> page(Actor actor, String numberId, boolean calls, long after,
                                                   int limit) {
        List<Holdings.Period> visible = Holdings.of(events.stream(numberId)).visibleTo(actor);
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        String orgId = Holdings.orgOf(actor);
        List<String> assignments = calls ? assignmentsOf(numberId, orgId) : List.of();
        List<RecordedEvent> found = new ArrayList<>();
        for (Holdings.Period period : visible) {
            if (period.to() <= after) {
                continue;
            }
            long from = Math.max(after, period.from() - 1);
            int wanted = limit + 1 - found.size();
            List<RecordedEvent> candidates = new ArrayList<>(
                    events.numberEvents(numberId, from, period.to(), orgId, wanted));
            for (String assignment : assignments) {
                candidates.addAll(callsOf(assignment, from, period.to(), wanted));
            }
            candidates.sort(Comparator.comparingLong(RecordedEvent::position));
            found.addAll(candidates.subList(0, Math.min(wanted, candidates.size())));
            if (found.size() > limit) {
                break;
            }
        }
        if (found.size() <= limit) {
            return Optional.of(new Page<>(found.stream().map(NumberHistory::entry).toList(), null));
        }
        List<RecordedEvent> items = found.subList(0, limit);
        String next = new Cursor(CURSOR_KEY, false, Long.toString(items.get(limit - 1).position()), "").encode();
        return Optional.of(new Page<>(items.stream().map(NumberHistory::entry).toList(), next));
    }

    /** The position a cursor this history handed out stands for. */
    public static long after(String cursor) {
        Cursor decoded = Cursor.decode(cursor);
        if (!CURSOR_KEY.equals(decoded.sortKey()) || decoded.descending()) {
            throw new IllegalArgumentException("not a history cursor");
        }
        long position = Long.parseLong(decoded.value());
        if (position < 0) {
            throw new IllegalArgumentException("not a history cursor");
        }
        return position;
    }

    private List<String> assignmentsOf(String numberId, String orgId) {
        Set<String> ids = new LinkedHashSet<>();
        for (RecordedEvent event : events.numberEvents(numberId, -1, Long.MAX_VALUE, orgId, Integer.MAX_VALUE)) {
            if (!event.aggregateId().equals(numberId)) {
                ids.add(event.aggregateId());
            }
        }
        return List.copyOf(ids);
    }

    /** The calls of one assignment with positions in (after, until], oldest first, at most {@code limit}. */
    private List<RecordedEvent> callsOf(String assignmentId, long after, long until, int limit) {
        Optional<Long> last = events.lastSequence(assignmentId);
        if (last.isEmpty()) {
            return List.of();
        }
        long from = firstSequenceAfter(assignmentId, after, last.get());
        if (from > last.get()) {
            return List.of();
        }
        long to = until == Long.MAX_VALUE ? last.get() : firstSequenceAfter(assignmentId, until, last.get()) - 1;
        if (to < from) {
            return List.of();
        }
        return events.stream(assignmentId, from, to, StoredEvents.CALL_TYPES, limit);
    }

    /** The lowest sequence number whose event lies after {@code position}; {@code last + 1} when none does. */
    private long firstSequenceAfter(String aggregateId, long position, long last) {
        long low = 0;
        long high = last + 1;
        while (low < high) {
            long middle = (low + high) >>> 1;
            Optional<StoredEvents.Probe> probe = events.probe(aggregateId, middle);
            if (probe.isEmpty()) {
                high = middle;
            } else if (probe.get().position() > position) {
                high = Math.min(middle, probe.get().sequence());
            } else {
                low = probe.get().sequence() + 1;
            }
        }
        return low;
    }

    static NumberHistoryEntry entry(RecordedEvent event) {
        Object payload = event.payload();
        Optional<EventTypes.EventType> type = EventTypes.of(payload.getClass());
        Map<String, Object> fields = JSON.convertValue(payload, FIELDS);
        Object orgId = fields.get("orgId");
        return new NumberHistoryEntry(
                event.message().getIdentifier(),
                event.position(),
                type.map(EventTypes.EventType::name).orElse(payload.getClass().getSimpleName()),
                event.time(),
                type.map(known -> known.aggregateType().published()).orElse(event.message().getType()),
                event.aggregateId(),
                event.sequence(),
                orgId == null ? null : orgId.toString(),
                text(event.message().getMetaData().get(EventMetadata.ACTOR_ID)),
                text(event.message().getMetaData().get(EventMetadata.CORRELATION_ID)),
                fields);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
