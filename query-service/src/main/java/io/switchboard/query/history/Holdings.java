package io.switchboard.query.history;

import io.switchboard.api.number.NumberImported;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.NumberTransferred;
import io.switchboard.support.identity.Actor;

import java.util.ArrayList;
import java.util.List;

/**
 * Who held a number when, read from the number's own events (R4: one stream across every org that held it), as
 * ranges of event-store positions, both ends included:
 * <ul>
 *   <li>an org's holding period runs from its NumberImported to its NumberReleased (open while it still holds it);</li>
 *   <li>a user's ownership period runs from the event that made it the owner (NumberImported naming it, or a
 *   NumberTransferred to it) to the event that ended that (a NumberTransferred away, or the NumberReleased).</li>
 * </ul>
 * What a caller may see of the number's past: a PLATFORM_ADMIN everything; ORG_ADMIN, MANAGER and SERVICE their org's
 * holding periods; a MEMBER (or a token without a known role) its own ownership periods in its org. No period, no
 * number: the caller gets 404.
 */
public final class Holdings {

    /** Positions from {@code from} to {@code to}, both included; {@code to} is {@link Long#MAX_VALUE} while open. */
    public record Period(String orgId, String ownerUserId, long from, long to) {

        public boolean contains(long position) {
            return position >= from && position <= to;
        }
    }

    private static final Period EVERYTHING = new Period(null, null, 0, Long.MAX_VALUE);

    private final List<Period> orgPeriods;
    private final List<Period> ownerPeriods;

    private Holdings(List<Period> orgPeriods, List<Period> ownerPeriods) {
        this.orgPeriods = List.copyOf(orgPeriods);
        this.ownerPeriods = List.copyOf(ownerPeriods);
    }

    /** From the PhoneNumber aggregate's events, oldest first (other events are ignored). */
    public static Holdings of(List<RecordedEvent> numberEvents) {
        List<Period> orgs = new ArrayList<>();
        List<Period> owners = new ArrayList<>();
        Period org = null;
        Period owner = null;
        for (RecordedEvent event : numberEvents) {
            long at = event.position();
            if (event.payload() instanceof NumberImported imported) {
                org = new Period(imported.orgId(), null, at, Long.MAX_VALUE);
                owner = new Period(imported.orgId(), imported.ownerUserId(), at, Long.MAX_VALUE);
            } else if (event.payload() instanceof NumberTransferred transferred && owner != null) {
                owners.add(closed(owner, at));
                owner = new Period(transferred.orgId(), transferred.newOwnerUserId(), at, Long.MAX_VALUE);
            } else if (event.payload() instanceof NumberReleased && org != null) {
                orgs.add(closed(org, at));
                owners.add(closed(owner, at));
                org = null;
                owner = null;
            }
        }
        if (org != null) {
            orgs.add(org);
            owners.add(owner);
        }
        return new Holdings(orgs, owners);
    }

    /** The position ranges the caller may see, oldest first; empty when the caller never held the number. */
    public List<Period> visibleTo(Actor actor) {
        if (orgPeriods.isEmpty()) {
            return List.of();
        }
        if (actor.isPlatformAdmin()) {
            return List.of(EVERYTHING);
        }
        List<Period> candidates = actor.readsWholeOrg() ? orgPeriods : ownerPeriods;
        return candidates.stream()
                .filter(period -> period.orgId().equals(actor.orgId()))
                .filter(period -> actor.readsWholeOrg() || period.ownerUserId().equals(actor.userId()))
                .toList();
    }

    /** The org a caller's events must belong to: null (any) for a PLATFORM_ADMIN. */
    public static String orgOf(Actor actor) {
        return actor.isPlatformAdmin() ? null : actor.orgId();
    }

    public List<Period> orgPeriods() {
        return orgPeriods;
    }

    public List<Period> ownerPeriods() {
        return ownerPeriods;
    }

    private static Period closed(Period period, long at) {
        return new Period(period.orgId(), period.ownerUserId(), period.from(), at);
    }
}
