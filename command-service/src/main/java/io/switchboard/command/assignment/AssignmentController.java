package io.switchboard.command.assignment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.assignment.AssignToAgent;
import io.switchboard.api.assignment.ChangeAssignmentLimits;
import io.switchboard.api.assignment.UnassignFromAgent;
import io.switchboard.api.common.CommandAccepted;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.command.web.Access;
import io.switchboard.command.web.CommandSender;
import io.switchboard.command.web.IfMatch;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Assignments live under their number's path. The reply's id and version are the assignment's: unassign and
 * limits take that version in If-Match.
 */
@RestController
@RequestMapping("/api/v1/phone-numbers/{numberId}")
@Tag(name = "assignments", description = "R10-R13")
class AssignmentController {

    private final CommandSender commands;
    private final Access access;

    AssignmentController(CommandSender commands, Access access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping("/assign")
    @Operation(summary = "Assign the number to an agent (R10-R12)")
    ResponseEntity<CommandAccepted> assign(Actor actor, @PathVariable String numberId,
                                           @Valid @RequestBody AssignRequest body, HttpServletRequest request) {
        access.changeableNumber(actor, numberId);
        AssignToAgent command = new AssignToAgent(UUID.randomUUID().toString(), numberId, actor.orgId(),
                body.agentId(), body.dailyLimit(), body.allowedCountries());
        return commands.created(actor, command, body, request, id -> "/api/v1/phone-numbers/" + numberId);
    }

    @PostMapping("/unassign")
    @Operation(summary = "End the number's assignment (R13)")
    ResponseEntity<CommandAccepted> unassign(Actor actor, @PathVariable String numberId,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                             HttpServletRequest request) {
        String assignmentId = currentAssignment(actor, numberId);
        return commands.ok(actor, new UnassignFromAgent(assignmentId, actor.orgId(), IfMatch.expectedVersion(ifMatch)),
                null, request);
    }

    @PutMapping("/limits")
    @Operation(summary = "Change the daily limit and allowed destination countries (R13)")
    ResponseEntity<CommandAccepted> limits(Actor actor, @PathVariable String numberId,
                                           @Valid @RequestBody LimitsRequest body,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           HttpServletRequest request) {
        String assignmentId = currentAssignment(actor, numberId);
        return commands.ok(actor, new ChangeAssignmentLimits(assignmentId, actor.orgId(), body.dailyLimit(),
                body.allowedCountries(), IfMatch.expectedVersion(ifMatch)), body, request);
    }

    private String currentAssignment(Actor actor, String numberId) {
        String assignmentId = access.changeableNumber(actor, numberId).assignmentId();
        if (assignmentId == null) {
            throw new ApiException(HttpStatus.CONFLICT, ErrorCode.NOT_ASSIGNED, "the number is not assigned");
        }
        return assignmentId;
    }
}
