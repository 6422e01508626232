package io.switchboard.command.number;

import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.number.TransferNumber;
import io.switchboard.command.assignment.AgentFacts;
import io.switchboard.command.assignment.Assignments;
import io.switchboard.command.assignment.NumberFacts;
import io.switchboard.command.registry.Registry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.springframework.stereotype.Component;

/**
 * R8: a transfer to another user of the org ends the number's assignment when the new owner does not own the
 * agent, in the same transaction as the transfer.
 */
@Component
class NumberTransfer {

    private final Configuration axon;
    private final Registry registry;
    private final Assignments assignments;

    NumberTransfer(Configuration axon, Registry registry, Assignments assignments) {
        this.axon = axon;
        this.registry = registry;
        this.assignments = assignments;
    }

    @CommandHandler
    void handle(TransferNumber command) {
        NumberFacts number = registry.lockNumber(command.numberId()).orElse(null);
        axon.repository(PhoneNumber.class).load(command.numberId(), command.expectedVersion())
                .execute(phoneNumber -> phoneNumber.transfer(command));
        if (number == null || number.assignmentId() == null) {
            return;
        }
        boolean newOwnerOwnsAgent = registry.agent(number.agentId()).map(AgentFacts::ownerUserId)
                .filter(command.newOwnerUserId()::equals).isPresent();
        if (!newOwnerOwnsAgent) {
            assignments.end(number.assignmentId(), UnassignReason.NUMBER_TRANSFERRED);
        }
    }
}
