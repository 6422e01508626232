package io.switchboard.command.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.CommandAccepted;
import io.switchboard.api.org.ChangeOrgPolicy;
import io.switchboard.command.web.Access;
import io.switchboard.command.web.CommandSender;
import io.switchboard.support.identity.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/org/policy")
@Tag(name = "org policy", description = "R12, R17")
class OrgPolicyController {

    private final CommandSender commands;
    private final Access access;

    OrgPolicyController(CommandSender commands, Access access) {
        this.commands = commands;
        this.access = access;
    }

    @PutMapping
    @Operation(summary = "Replace the caller's org policy: maxNumbersPerAgent (R12), timeZone (R17)")
    ResponseEntity<CommandAccepted> replace(Actor actor, @Valid @RequestBody PolicyRequest body,
                                            HttpServletRequest request) {
        access.requireOrgAdmin(actor);
        return commands.ok(actor, new ChangeOrgPolicy(actor.orgId(), body.maxNumbersPerAgent(), body.timeZone()),
                body, request);
    }
}
