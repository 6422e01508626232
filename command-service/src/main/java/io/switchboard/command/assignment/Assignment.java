package io.switchboard.command.assignment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.switchboard.api.assignment.AllowedCountries;
import io.switchboard.api.assignment.AssignToAgent;
import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.assignment.CountCall;
import io.switchboard.api.assignment.ChangeAssignmentLimits;
import io.switchboard.api.assignment.UnassignFromAgent;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.command.shared.Refusal;
import io.switchboard.command.shared.Tenancy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * R10-R13: one number lent to one agent, from assignment until it ends. Every call is an event here, so it is
 * cached between commands and snapshotted every {@value AssignmentLoading#EVENTS_BETWEEN_SNAPSHOTS} events: loading
 * it stays short however long its history grows. The snapshot is this object's fields as JSON.
 */
@Aggregate(snapshotTriggerDefinition = AssignmentLoading.TRIGGER, cache = AssignmentLoading.CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Assignment {

    @AggregateIdentifier
    private String assignmentId;
    private String numberId;
    private String orgId;
    private String agentId;
    private int dailyLimit;
    private AllowedCountries allowedCountries;
    private boolean ended;
    private String day;
    private int callsThatDay;

    Assignment() {
        // for Axon
    }

    @CommandHandler
    Assignment(AssignToAgent command, AssignmentFacts facts) {
        int limit = AssignmentRules.dailyLimit(command.dailyLimit());
        Optional<NumberFacts> number = facts.lockNumber(command.numberId());
        Optional<AgentFacts> agent = facts.lockAgent(command.agentId());
        AssignmentRules.requireAssignable(command, number, agent, facts.numbersAssignedTo(command.agentId()),
                facts.maxNumbersPerAgent(command.orgId()));
        String numberCountry = number.orElseThrow().country();
        AllowedCountries countries = AssignmentRules.allowedCountries(command.allowedCountries(),
                () -> new AllowedCountries(Set.of(numberCountry)));
        apply(new AssignedToAgent(command.assignmentId(), command.numberId(), command.orgId(), command.agentId(),
                limit, countries.codes()));
    }

    @CommandHandler
    void handle(ChangeAssignmentLimits command) {
        requireCurrent(command.orgId());
        int limit = AssignmentRules.dailyLimit(command.dailyLimit());
        AllowedCountries countries = AssignmentRules.allowedCountries(command.allowedCountries(), () -> allowedCountries);
        if (limit != dailyLimit || !countries.equals(allowedCountries)) {
            apply(new AssignmentLimitsChanged(assignmentId, numberId, orgId, limit, countries.codes()));
        }
    }

    @CommandHandler
    void handle(UnassignFromAgent command) {
        requireCurrent(command.orgId());
        end(UnassignReason.REQUESTED);
    }

    /** R14-R17: the call is counted, or refused with its reason; either way the decision is recorded. */
    @CommandHandler
    void handle(CountCall call) {
        Tenancy.requireSameOrg(orgId, call.orgId(), "assignment");
        String callDay = CallRules.effectiveDay(call.day(), day);
        int countedThatDay = callDay.equals(day) ? callsThatDay : 0;
        CallRules.refusal(call, new CallRules.Line(ended, agentId, allowedCountries, dailyLimit, countedThatDay))
                .ifPresentOrElse(
                        reason -> apply(new CallRefused(assignmentId, numberId, orgId, agentId, call.callId(),
                                call.destination(), call.destinationCountry(), callDay, reason)),
                        () -> apply(new CallCounted(assignmentId, numberId, orgId, agentId, call.callId(),
                                call.destination(), call.destinationCountry(), callDay, countedThatDay + 1,
                                dailyLimit)));
    }

    /** R2, R8: ending twice changes nothing. */
    @CommandHandler
    void handle(EndAssignment command) {
        end(command.reason());
    }

    private void end(UnassignReason reason) {
        if (!ended) {
            apply(new UnassignedFromAgent(assignmentId, numberId, orgId, agentId, reason));
        }
    }

    private void requireCurrent(String callerOrgId) {
        Tenancy.requireSameOrg(orgId, callerOrgId, "assignment");
        if (ended) {
            throw new Refusal(ErrorCode.ASSIGNMENT_ENDED, "this assignment has ended");
        }
    }

    @EventSourcingHandler
    void on(AssignedToAgent event) {
        assignmentId = event.assignmentId();
        numberId = event.numberId();
        orgId = event.orgId();
        agentId = event.agentId();
        dailyLimit = event.dailyLimit();
        allowedCountries = new AllowedCountries(event.allowedCountries());
    }

    @EventSourcingHandler
    void on(AssignmentLimitsChanged event) {
        dailyLimit = event.dailyLimit();
        allowedCountries = new AllowedCountries(event.allowedCountries());
    }

    @EventSourcingHandler
    void on(UnassignedFromAgent event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(CallCounted event) {
        day = event.day();
        callsThatDay = event.callsThatDay();
    }
}
