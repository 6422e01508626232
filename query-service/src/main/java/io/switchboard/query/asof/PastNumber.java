package io.switchboard.query.asof;

import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.number.NumberActivated;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.number.NumberDetailsChanged;
import io.switchboard.api.number.NumberFailed;
import io.switchboard.api.number.NumberImported;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.api.number.NumberTransferred;
import io.switchboard.api.query.AgentRef;
import io.switchboard.api.query.NumberAssignment;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.history.RecordedEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A number as it was after a run of its events, folded the way the number-view projection folds them (R4-R13): its
 * own events give owner, status and details, its assignments' lifecycle events the agent and limits. Free of Spring
 * and SQL; {@link NumberAsOf} feeds it the events up to an instant.
 */
final class PastNumber {

    /** An assignment as it was: its agent, limits and version; ended once unassigned. */
    record PastAssignment(String id, String orgId, long position, String agentId, int dailyLimit,
                          Set<String> allowedCountries, long version, boolean ended) {
    }

    private NumberImported imported;
    private String ownerUserId;
    private NumberDetails details;
    private NumberStatus status;
    private String statusReason;
    private Instant importedAt;
    private long importedPosition;
    private Instant updatedAt;
    private long version;
    private boolean held;
    private final Map<String, PastAssignment> assignments = new LinkedHashMap<>();

    /** Folds the events in the order given (the event store's). */
    static PastNumber of(List<RecordedEvent> events) {
        PastNumber number = new PastNumber();
        events.forEach(number::apply);
        return number;
    }

    boolean held() {
        return held;
    }

    String orgId() {
        return imported.orgId();
    }

    String ownerUserId() {
        return ownerUserId;
    }

    /** The assignment of the current holding that had not ended, if any. */
    Optional<PastAssignment> assignment() {
        return assignments.values().stream()
                .filter(assignment -> !assignment.ended())
                .filter(assignment -> assignment.orgId().equals(imported.orgId()))
                .filter(assignment -> assignment.position() >= importedPosition)
                .reduce((earlier, later) -> later);
    }

    PhoneNumberView view(String agentName) {
        PastAssignment assignment = assignment().orElse(null);
        return new PhoneNumberView(imported.numberId(), imported.orgId(), ownerUserId, imported.clientId(),
                imported.e164(), imported.country(), imported.numberType(), imported.provider(), details.label(),
                details.capabilities(), details.metadata(), details.providerRefs(), details.platformRefs(),
                details.webhookUrl(), status, statusReason, importedAt, updatedAt, version,
                assignment == null ? null : new AgentRef(assignment.agentId(), agentName),
                assignment == null ? null : new NumberAssignment(assignment.id(), assignment.agentId(),
                        assignment.dailyLimit(), assignment.allowedCountries(), assignment.version()));
    }

    private void apply(RecordedEvent event) {
        Object payload = event.payload();
        if (payload instanceof AssignedToAgent assigned) {
            assignments.put(assigned.assignmentId(), new PastAssignment(assigned.assignmentId(), assigned.orgId(),
                    event.position(), assigned.agentId(), assigned.dailyLimit(), assigned.allowedCountries(),
                    event.sequence(), false));
            return;
        }
        if (payload instanceof AssignmentLimitsChanged changed) {
            assignments.computeIfPresent(changed.assignmentId(), (id, past) -> new PastAssignment(id, past.orgId(),
                    past.position(), past.agentId(), changed.dailyLimit(), changed.allowedCountries(),
                    event.sequence(), past.ended()));
            return;
        }
        if (payload instanceof UnassignedFromAgent unassigned) {
            assignments.computeIfPresent(unassigned.assignmentId(), (id, past) -> new PastAssignment(id,
                    past.orgId(), past.position(), past.agentId(), past.dailyLimit(), past.allowedCountries(),
                    event.sequence(), true));
            return;
        }
        if (payload instanceof NumberImported number) {
            imported = number;
            ownerUserId = number.ownerUserId();
            details = NumberDetails.empty().with(number.details() == null ? NumberDetails.empty() : number.details());
            status = NumberStatus.ACTIVE;
            statusReason = null;
            importedAt = event.time();
            importedPosition = event.position();
            held = true;
        } else if (imported == null) {
            return;
        } else if (payload instanceof NumberDetailsChanged changed) {
            details = details.with(changed.changed());
        } else if (payload instanceof NumberActivated) {
            status = NumberStatus.ACTIVE;
            statusReason = null;
        } else if (payload instanceof NumberDeactivated deactivated) {
            status = NumberStatus.INACTIVE;
            statusReason = deactivated.reason();
        } else if (payload instanceof NumberFailed failed) {
            status = NumberStatus.ERROR;
            statusReason = failed.reason();
        } else if (payload instanceof NumberTransferred transferred) {
            ownerUserId = transferred.newOwnerUserId();
        } else if (payload instanceof NumberReleased) {
            held = false;
        } else {
            return;
        }
        version = event.sequence();
        updatedAt = event.time();
    }
}
