package io.switchboard.command.number;

import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.number.ActivateNumber;
import io.switchboard.api.number.ChangeNumberDetails;
import io.switchboard.api.number.DeactivateNumber;
import io.switchboard.api.number.ImportNumber;
import io.switchboard.api.number.MarkNumberFailed;
import io.switchboard.api.number.NumberActivated;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.api.number.NumberDetailsChanged;
import io.switchboard.api.number.NumberFailed;
import io.switchboard.api.number.NumberImported;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.api.number.NumberTransferred;
import io.switchboard.api.number.ReleaseNumber;
import io.switchboard.api.number.TransferNumber;
import io.switchboard.command.shared.Refusal;
import io.switchboard.command.shared.Tenancy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * R3-R9: one telephone number, across every org that ever held it. Its id derives from the number, so two
 * imports of the same number meet here, and only one can win (R4).
 */
@Aggregate
class PhoneNumber {

    @AggregateIdentifier
    private String numberId;
    private String e164;
    private boolean held;
    private String orgId;
    private String ownerUserId;
    private NumberStatus status;
    private NumberDetails details;

    PhoneNumber() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportNumber command) {
        E164Number number = command.number();
        if (!number.numberId().equals(command.numberId())) {
            throw Refusal.invalid("numberId", "the number id must be derived from the number");
        }
        if (held) {
            throw new Refusal(ErrorCode.NUMBER_ALREADY_HELD, "R4: " + number + " is already held"
                    + (orgId.equals(command.orgId()) ? " by your organization" : " by another organization"));
        }
        apply(new NumberImported(command.numberId(), command.orgId(), number.value(), number.country().value(),
                number.type(), command.provider(), command.ownerUserId(), command.clientId(),
                command.credentialRef(), DetailsPolicy.forImport(command.details()), command.importedBy()));
    }

    @CommandHandler
    void handle(ChangeNumberDetails command) {
        requireHeldBy(command.orgId());
        NumberDetails changed = DetailsPolicy.changes(details, command.change());
        if (changed != null) {
            apply(new NumberDetailsChanged(numberId, orgId, changed));
        }
    }

    @CommandHandler
    void handle(ActivateNumber command) {
        requireHeldBy(command.orgId());
        if (status != NumberStatus.ACTIVE) {
            apply(new NumberActivated(numberId, orgId));
        }
    }

    @CommandHandler
    void handle(DeactivateNumber command) {
        requireHeldBy(command.orgId());
        if (status != NumberStatus.INACTIVE) {
            apply(new NumberDeactivated(numberId, orgId, command.reason()));
        }
    }

    @CommandHandler
    void handle(MarkNumberFailed command) {
        requireHeldBy(command.orgId());
        if (command.reason() == null || command.reason().isBlank()) {
            throw Refusal.invalid("reason", "R6: a number in ERROR says why");
        }
        apply(new NumberFailed(numberId, orgId, command.reason()));
    }

    /** R8: the caller ends an assignment the new owner could not hold ({@link NumberTransfer}). */
    void transfer(TransferNumber command) {
        requireHeldBy(command.orgId());
        if (command.newOwnerUserId() == null || command.newOwnerUserId().isBlank()) {
            throw Refusal.invalid("newOwnerUserId", "name the user who receives the number");
        }
        if (!command.newOwnerUserId().equals(ownerUserId)) {
            apply(new NumberTransferred(numberId, orgId, ownerUserId, command.newOwnerUserId()));
        }
    }

    @CommandHandler
    void handle(ReleaseNumber command, NumberAssignments assignments) {
        requireHeldBy(command.orgId());
        if (assignments.lockAndCheckAssigned(numberId)) {
            throw new Refusal(ErrorCode.NUMBER_ASSIGNED, "R9: the number is assigned; unassign it first");
        }
        apply(new NumberReleased(numberId, orgId, e164));
    }

    private void requireHeldBy(String callerOrgId) {
        Tenancy.requireSameOrg(held ? orgId : null, callerOrgId, "phone number");
    }

    @EventSourcingHandler
    void on(NumberImported event) {
        numberId = event.numberId();
        held = true;
        orgId = event.orgId();
        e164 = event.e164();
        ownerUserId = event.ownerUserId();
        status = NumberStatus.ACTIVE;
        details = event.details();
    }

    @EventSourcingHandler
    void on(NumberDetailsChanged event) {
        details = details.with(event.changed());
    }

    @EventSourcingHandler
    void on(NumberActivated event) {
        status = NumberStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(NumberDeactivated event) {
        status = NumberStatus.INACTIVE;
    }

    @EventSourcingHandler
    void on(NumberFailed event) {
        status = NumberStatus.ERROR;
    }

    @EventSourcingHandler
    void on(NumberTransferred event) {
        ownerUserId = event.newOwnerUserId();
    }

    @EventSourcingHandler
    void on(NumberReleased event) {
        held = false;
        orgId = null;
        ownerUserId = null;
        details = null;
    }
}
