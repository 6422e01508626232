package io.switchboard.command.agent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.agent.RegisterAgent;
import io.switchboard.api.agent.RenameAgent;
import io.switchboard.api.agent.RetireAgent;
import io.switchboard.api.common.CommandAccepted;
import io.switchboard.command.web.Access;
import io.switchboard.command.web.CommandSender;
import io.switchboard.command.web.IfMatch;
import io.switchboard.support.identity.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "agents", description = "R1, R2")
class AgentController {

    private final CommandSender commands;
    private final Access access;

    AgentController(CommandSender commands, Access access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Register an agent (R1)")
    ResponseEntity<CommandAccepted> register(Actor actor, @Valid @RequestBody RegisterAgentRequest body,
                                             HttpServletRequest request) {
        access.requireWriter(actor);
        RegisterAgent command = new RegisterAgent(UUID.randomUUID().toString(), actor.orgId(),
                access.ownerFor(actor, body.ownerUserId()), body.clientId(), body.name());
        return commands.created(actor, command, body, request, id -> "/api/v1/agents/" + id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename an agent (R1); If-Match makes it conditional")
    ResponseEntity<CommandAccepted> rename(Actor actor, @PathVariable String id,
                                           @Valid @RequestBody RenameAgentRequest body,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           HttpServletRequest request) {
        access.changeableAgent(actor, id);
        return commands.ok(actor, new RenameAgent(id, actor.orgId(), body.name(), IfMatch.expectedVersion(ifMatch)),
                body, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Retire an agent and end its assignments (R2)")
    ResponseEntity<CommandAccepted> retire(Actor actor, @PathVariable String id,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           HttpServletRequest request) {
        access.changeableAgent(actor, id);
        return commands.ok(actor, new RetireAgent(id, actor.orgId(), IfMatch.expectedVersion(ifMatch)), null,
                request);
    }
}
