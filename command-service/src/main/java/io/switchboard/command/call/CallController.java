package io.switchboard.command.call;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.assignment.CallAnswer;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefusal;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.assignment.CountCall;
import io.switchboard.api.common.CommandAccepted;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.PhoneNumberRejectedException;
import io.switchboard.api.common.Role;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.command.idempotency.IdempotencyKey;
import io.switchboard.command.web.Access;
import io.switchboard.command.web.CommandSender;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** The dialers' hot path: may this agent call this destination now, and from which number? */
@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "calls", description = "R14-R17")
class CallController {

    private final CommandSender commands;
    private final CallLines lines;
    private final CallDecisions decisions;
    private final Access access;
    private final Clock clock;

    CallController(CommandSender commands, CallLines lines, CallDecisions decisions, Access access, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.lines = lines;
        this.decisions = decisions;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Authorize and count a call (R14-R16); the same callId again returns the first answer")
    CallAnswer place(Actor actor, @Valid @RequestBody CallRequest body, HttpServletRequest request) {
        if (!actor.has(Role.SERVICE) && !actor.mayWrite()) {
            throw ApiException.forbidden("placing calls needs the SERVICE, MEMBER or an admin role");
        }
        E164Number destination = number(body.destination(), "destination");
        String country = destination.country().value();
        CallLine line = body.fromNumber() != null
                ? fromNumber(actor, number(body.fromNumber(), "fromNumber").numberId())
                : fromAgent(actor, body.agentId(), country);
        if (!line.assigned()) {
            throw new ApiException(HttpStatus.CONFLICT, ErrorCode.NOT_ASSIGNED,
                    "R15: " + line.e164() + " is not assigned to an agent", "fromNumber");
        }
        CountCall call = new CountCall(line.assignmentId(), actor.orgId(), body.callId(), body.agentId(),
                destination.value(), country, line.day(clock), line.status() == NumberStatus.ACTIVE);
        CommandSender.Sent sent = commands.dispatch(actor, call, body, request,
                IdempotencyKey.call(actor, body.callId()));
        CommandAccepted accepted = sent.accepted();
        CallDecisions.Decision decision = decisions.of(sent);
        if (decision.refused() != null) {
            throw refusal(decision.refused(), line);
        }
        CallCounted counted = decision.counted();
        return new CallAnswer(counted.callId(), line.e164(), counted.numberId(), counted.assignmentId(),
                counted.agentId(), counted.destination(), counted.day(), counted.callsThatDay(), counted.dailyLimit(),
                Math.max(0, counted.dailyLimit() - counted.callsThatDay()), accepted.position());
    }

    private CallLine fromNumber(Actor actor, String numberId) {
        return lines.heldBy(actor.orgId(), numberId)
                .filter(line -> actor.readsWholeOrg() || line.ownerUserId().equals(actor.userId()))
                .orElseThrow(() -> ApiException.notFound("phone number"));
    }

    private CallLine fromAgent(Actor actor, String agentId, String country) {
        if (agentId == null || agentId.isBlank()) {
            throw ApiException.invalid("agentId", "name the number to call from (fromNumber) or the agent (agentId)");
        }
        access.visibleAgent(actor, agentId);
        List<CallLine> agentLines = lines.ofAgent(actor.orgId(), agentId).stream()
                .filter(line -> actor.readsWholeOrg() || line.ownerUserId().equals(actor.userId()))
                .toList();
        if (agentLines.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, ErrorCode.NO_ELIGIBLE_NUMBER,
                    "R16: the agent has no assigned number", "agentId");
        }
        return NumberSelection.choose(agentLines, country, agentLines.get(0).day(clock));
    }

    private static ApiException refusal(CallRefused refused, CallLine line) {
        HttpStatus status = refused.reason() == CallRefusal.DAILY_LIMIT_REACHED
                ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.CONFLICT;
        return new ApiException(status, ErrorCode.valueOf(refused.reason().name()),
                "R15: call " + refused.callId() + " from " + line.e164() + " to " + refused.destination()
                        + " refused: " + refused.reason());
    }

    private static E164Number number(String raw, String field) {
        try {
            return E164Number.parse(raw, null);
        } catch (PhoneNumberRejectedException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_PHONE_NUMBER, e.getMessage(), field);
        }
    }
}
