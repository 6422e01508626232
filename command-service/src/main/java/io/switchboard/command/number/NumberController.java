package io.switchboard.command.number;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.CommandAccepted;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.number.ActivateNumber;
import io.switchboard.api.number.ChangeNumberDetails;
import io.switchboard.api.number.DeactivateNumber;
import io.switchboard.api.number.ImportNumber;
import io.switchboard.api.number.ReleaseNumber;
import io.switchboard.api.number.TransferNumber;
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

@RestController
@RequestMapping("/api/v1/phone-numbers")
@Tag(name = "phone numbers", description = "R3-R9")
class NumberController {

    static final String PATH = "/api/v1/phone-numbers/";

    private final CommandSender commands;
    private final Access access;

    NumberController(CommandSender commands, Access access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Import one number (R3-R5); 409 NUMBER_ALREADY_HELD when any org holds it (R4). credentialRef,"
            + " when given, is the id of a provider account of the caller's org at the same provider (SPEC §6):"
            + " else 404 PROVIDER_ACCOUNT_NOT_FOUND or 409 PROVIDER_MISMATCH, and nothing is written")
    ResponseEntity<CommandAccepted> importNumber(Actor actor, @Valid @RequestBody ImportNumberRequest body,
                                                 HttpServletRequest request) {
        access.requireWriter(actor);
        E164Number number = E164Number.parse(body.number(), body.defaultRegion());
        ImportNumber command = new ImportNumber(number.numberId(), actor.orgId(), number, body.provider(),
                access.ownerFor(actor, body.ownerUserId()), body.clientId(), body.credentialRef(), body.details(),
                actor.userId());
        return commands.created(actor, command, body, request, id -> PATH + id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change details (R7); a change that changes nothing writes nothing")
    ResponseEntity<CommandAccepted> changeDetails(Actor actor, @PathVariable String id,
                                                  @Valid @RequestBody ChangeDetailsRequest body,
                                                  @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                  HttpServletRequest request) {
        access.changeableNumber(actor, id);
        return commands.ok(actor, new ChangeNumberDetails(id, actor.orgId(), body.change(),
                IfMatch.expectedVersion(ifMatch)), body, request);
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Make the number ACTIVE (R6)")
    ResponseEntity<CommandAccepted> activate(Actor actor, @PathVariable String id,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                             HttpServletRequest request) {
        access.changeableNumber(actor, id);
        return commands.ok(actor, new ActivateNumber(id, actor.orgId(), IfMatch.expectedVersion(ifMatch)), null,
                request);
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Suspend the number: INACTIVE (R6)")
    ResponseEntity<CommandAccepted> deactivate(Actor actor, @PathVariable String id,
                                               @Valid @RequestBody(required = false) DeactivateRequest body,
                                               @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                               HttpServletRequest request) {
        access.changeableNumber(actor, id);
        String reason = body == null ? null : body.reason();
        return commands.ok(actor, new DeactivateNumber(id, actor.orgId(), reason, IfMatch.expectedVersion(ifMatch)),
                body, request);
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Give the number to another user of the org (R8)")
    ResponseEntity<CommandAccepted> transfer(Actor actor, @PathVariable String id,
                                             @Valid @RequestBody TransferRequest body,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                             HttpServletRequest request) {
        access.changeableNumber(actor, id);
        return commands.ok(actor, new TransferNumber(id, actor.orgId(), body.newOwnerUserId(),
                IfMatch.expectedVersion(ifMatch)), body, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Release the number (R9); 409 NUMBER_ASSIGNED while it is assigned")
    ResponseEntity<CommandAccepted> release(Actor actor, @PathVariable String id,
                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                            HttpServletRequest request) {
        access.changeableNumber(actor, id);
        return commands.ok(actor, new ReleaseNumber(id, actor.orgId(), IfMatch.expectedVersion(ifMatch)), null,
                request);
    }
}
