package io.switchboard.command.assignment;

import io.switchboard.api.assignment.AllowedCountries;
import io.switchboard.api.assignment.AssignToAgent;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.command.shared.Refusal;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/** The rules that decide whether a number may be assigned to an agent, free of any framework. */
final class AssignmentRules {

    private AssignmentRules() {
    }

    /** R6, R10, R11, R12, in the order a person would want to hear about them. */
    static void requireAssignable(AssignToAgent command, Optional<NumberFacts> number, Optional<AgentFacts> agent,
                                  int agentNumbers, Optional<Integer> maxNumbersPerAgent) {
        NumberFacts held = number.filter(facts -> facts.heldBy(command.orgId()))
                .orElseThrow(() -> Refusal.notFound("phone number"));
        if (held.status() != NumberStatus.ACTIVE) {
            throw new Refusal(ErrorCode.NUMBER_NOT_ACTIVE,
                    "R6: only an ACTIVE number can be assigned; this one is " + held.status());
        }
        if (held.assignmentId() != null) {
            throw new Refusal(ErrorCode.ALREADY_ASSIGNED,
                    "R10: the number is already assigned to an agent; unassign it first");
        }
        AgentFacts assignee = agent.filter(facts -> facts.orgId().equals(command.orgId()))
                .orElseThrow(() -> new Refusal(ErrorCode.AGENT_NOT_IN_ORG,
                        "R11: no agent " + command.agentId() + " in your organization", "agentId"));
        if (assignee.retired()) {
            throw new Refusal(ErrorCode.AGENT_RETIRED, "R11: the agent is retired", "agentId");
        }
        if (!assignee.ownerUserId().equals(held.ownerUserId())) {
            throw new Refusal(ErrorCode.AGENT_OWNER_MISMATCH,
                    "R11: the agent must be owned by the number's owner", "agentId");
        }
        maxNumbersPerAgent.filter(max -> agentNumbers >= max).ifPresent(max -> {
            throw new Refusal(ErrorCode.AGENT_AT_NUMBER_LIMIT,
                    "R12: your organization allows at most " + max + " number(s) per agent", "agentId");
        });
    }

    /** R10: the daily call limit, {@value AssignToAgent#DEFAULT_DAILY_LIMIT} unless given. */
    static int dailyLimit(Integer requested) {
        if (requested == null) {
            return AssignToAgent.DEFAULT_DAILY_LIMIT;
        }
        if (requested < 0 || requested > AssignToAgent.MAX_DAILY_LIMIT) {
            throw Refusal.invalid("dailyLimit", "must be between 0 and " + AssignToAgent.MAX_DAILY_LIMIT);
        }
        return requested;
    }

    /** R10, R13: the destinations an assignment may call; {@code otherwise} when none are given. */
    static AllowedCountries allowedCountries(Collection<String> requested, Supplier<AllowedCountries> otherwise) {
        if (requested == null) {
            return otherwise.get();
        }
        try {
            return AllowedCountries.of(requested);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("allowedCountries", e.getMessage());
        }
    }
}
