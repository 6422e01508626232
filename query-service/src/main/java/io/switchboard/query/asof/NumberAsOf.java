package io.switchboard.query.asof;

import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.agent.AgentRenamed;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.org.OrgPolicyChanged;
import io.switchboard.query.history.RecordedEvent;
import io.switchboard.query.history.StoredEvents;
import io.switchboard.query.number.PhoneNumberDetail;
import io.switchboard.query.usage.UsageViewRepository;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A number as it was at a past instant (SPEC §5), derived from the events up to that instant, never from the read
 * models: owner, status and details from its own events, agent and limits from its assignments' lifecycle, the
 * agent's name from the agent's events, and the calls counted on the org-local day of the instant (R17, in the org's
 * time zone of then) up to it, from the assignment's last CallCounted at or before it. An event stamped exactly at
 * the instant has happened. Tenancy as for the history: the caller must see the holding (its org's, or for a MEMBER
 * its own ownership) in force at the instant; otherwise, or before the number existed or while it was released, the
 * number is not found.
 */
@Component
public class NumberAsOf {

    private final StoredEvents events;
    private final Clock clock;

    NumberAsOf(StoredEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** An ISO-8601 instant, in UTC ({@code 2025-03-04T12:00:00Z}) or with an offset ({@code ...T13:00:00+01:00}). */
    public static Instant parse(String asOf) {
        try {
            return OffsetDateTime.parse(asOf.strip()).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            throw ApiException.invalid("asOf", "asOf must be an ISO-8601 instant with an offset, e.g. "
                    + "2025-03-04T12:00:00Z or 2025-03-04T13:00:00+01:00");
        }
    }

    /** The number at the instant, empty when the caller may not see it then; an instant to come answers 400. */
    public Optional<PhoneNumberDetail> at(Actor actor, String numberId, Instant instant) {
        if (instant.isAfter(clock.instant())) {
            throw ApiException.invalid("asOf", "asOf is in the future; the past is all the events tell");
        }
        List<RecordedEvent> upToInstant = events.numberEvents(numberId).stream()
                .filter(event -> !event.time().isAfter(instant))
                .toList();
        PastNumber number = PastNumber.of(upToInstant);
        if (!number.held() || !visible(actor, number)) {
            return Optional.empty();
        }
        Optional<PastNumber.PastAssignment> assignment = number.assignment();
        if (assignment.isEmpty()) {
            return Optional.of(new PhoneNumberDetail(number.view(null), null, null));
        }
        PastNumber.PastAssignment current = assignment.get();
        int calls = callsCounted(current.id(), instant, zone(number.orgId(), instant));
        return Optional.of(new PhoneNumberDetail(number.view(agentName(current.agentId(), instant)), calls,
                UsageViewRepository.remaining(current.dailyLimit(), calls)));
    }

    private static boolean visible(Actor actor, PastNumber number) {
        if (actor.isPlatformAdmin()) {
            return true;
        }
        return number.orgId().equals(actor.orgId())
                && (actor.readsWholeOrg() || number.ownerUserId().equals(actor.userId()));
    }

    private String agentName(String agentId, Instant instant) {
        String name = null;
        for (RecordedEvent event : events.stream(agentId)) {
            if (event.time().isAfter(instant)) {
                break;
            }
            if (event.payload() instanceof AgentRegistered registered) {
                name = registered.name();
            } else if (event.payload() instanceof AgentRenamed renamed) {
                name = renamed.name();
            }
        }
        return name;
    }

    /** R17: the org's time zone in force at the instant; UTC for an org that had set none. */
    private ZoneId zone(String orgId, Instant instant) {
        String timeZone = null;
        for (RecordedEvent event : events.stream(orgId)) {
            if (event.time().isAfter(instant)) {
                break;
            }
            if (event.payload() instanceof OrgPolicyChanged policy) {
                timeZone = policy.timeZone();
            }
        }
        return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }

    /**
     * The count the assignment itself kept (CallCounted's callsThatDay) at its last counted call at or before the
     * instant, if that call counted on the instant's org-local day; 0 otherwise. The assignment's stream may hold
     * many calls, so the last event at or before the instant is found by a binary search on sequence numbers (times
     * grow with them), then the last CallCounted at or before that.
     */
    private int callsCounted(String assignmentId, Instant instant, ZoneId zone) {
        Optional<Long> last = events.lastSequence(assignmentId);
        if (last.isEmpty()) {
            return 0;
        }
        long low = 0;
        long high = last.get() + 1;
        while (low < high) {
            long middle = (low + high) >>> 1;
            Optional<StoredEvents.Probe> probe = events.probe(assignmentId, middle);
            if (probe.isEmpty() || probe.get().time().isAfter(instant)) {
                high = middle;
            } else {
                low = probe.get().sequence() + 1;
            }
        }
        if (low == 0) {
            return 0;
        }
        String day = LocalDate.ofInstant(instant, zone).toString();
        return events.latestOfType(assignmentId, low - 1, CallCounted.class.getName())
                .map(RecordedEvent::payload)
                .map(CallCounted.class::cast)
                .filter(counted -> counted.day().equals(day))
                .map(CallCounted::callsThatDay)
                .orElse(0);
    }
}
