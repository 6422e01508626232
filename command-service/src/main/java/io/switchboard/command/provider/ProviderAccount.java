package io.switchboard.command.provider;

import io.switchboard.api.provider.ProviderAccountCredentialsReencrypted;
import io.switchboard.api.provider.ProviderAccountRegistered;
import io.switchboard.api.provider.ProviderAccountRemoved;
import io.switchboard.api.provider.ProviderAccountVerification;
import io.switchboard.api.provider.ProviderAccountVerification.Status;
import io.switchboard.api.provider.ProviderAccountVerificationFailed;
import io.switchboard.api.provider.ProviderAccountVerified;
import io.switchboard.api.provider.RecordProviderAccountVerification;
import io.switchboard.api.provider.ReencryptProviderAccountCredentials;
import io.switchboard.api.provider.RegisterProviderAccount;
import io.switchboard.api.provider.RemoveProviderAccount;
import io.switchboard.command.shared.Refusal;
import io.switchboard.command.shared.Tenancy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * SPEC §6: an org's account at a telephony provider. Its history holds only non-secret facts; the credentials
 * themselves go to the {@link CredentialVault} from the same handlers, in the same transaction as the events,
 * so an account exists exactly when its encrypted credentials do.
 */
@Aggregate
class ProviderAccount {

    @AggregateIdentifier
    private String accountId;
    private String orgId;
    private boolean removed;

    ProviderAccount() {
        // for Axon
    }

    @CommandHandler
    ProviderAccount(RegisterProviderAccount command, CredentialVault vault) {
        if (command.provider() == null) {
            throw Refusal.invalid("provider", "name the provider the account is at");
        }
        if (command.credentialType() == null || command.credentials() == null) {
            throw Refusal.invalid("token", "give either a token, or an API key and its secret");
        }
        String label = label(command.label());
        vault.store(command.accountId(), command.orgId(), command.provider(), label, command.credentialType(),
                command.credentials(), command.registeredBy());
        apply(new ProviderAccountRegistered(command.accountId(), command.orgId(), command.provider(), label,
                command.credentialType(), command.credentials().keyId()));
    }

    @CommandHandler
    void handle(RemoveProviderAccount command, CredentialVault vault) {
        Tenancy.requireSameOrg(removed ? null : orgId, command.orgId(), "provider account");
        vault.shred(accountId);
        apply(new ProviderAccountRemoved(accountId, orgId));
    }

    @CommandHandler
    void handle(ReencryptProviderAccountCredentials command, CredentialVault vault) {
        if (removed) {
            return; // nothing left to encrypt
        }
        vault.reencrypt(accountId).ifPresent(change -> apply(new ProviderAccountCredentialsReencrypted(accountId,
                orgId, change.previousKeyId(), change.keyId())));
    }

    /** R6: a check's outcome is a fact of the account's history, whatever it was before. */
    @CommandHandler
    void handle(RecordProviderAccountVerification command, CredentialVault vault) {
        Tenancy.requireSameOrg(removed ? null : orgId, command.orgId(), "provider account");
        if (command.failureReason() == null) {
            vault.recordVerification(accountId, new ProviderAccountVerification(Status.VERIFIED,
                    command.checkedAt(), null));
            apply(new ProviderAccountVerified(accountId, orgId, command.checkedAt()));
            return;
        }
        String reason = command.failureReason().length() > RecordProviderAccountVerification.MAX_REASON_LENGTH
                ? command.failureReason().substring(0, RecordProviderAccountVerification.MAX_REASON_LENGTH)
                : command.failureReason();
        vault.recordVerification(accountId, new ProviderAccountVerification(Status.FAILED, command.checkedAt(),
                reason));
        apply(new ProviderAccountVerificationFailed(accountId, orgId, command.checkedAt(), reason));
    }

    private static String label(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String trimmed = label.trim();
        if (trimmed.length() > RegisterProviderAccount.MAX_LABEL_LENGTH) {
            throw Refusal.invalid("label", "a label has at most " + RegisterProviderAccount.MAX_LABEL_LENGTH
                    + " characters");
        }
        return trimmed;
    }

    @EventSourcingHandler
    void on(ProviderAccountRegistered event) {
        accountId = event.accountId();
        orgId = event.orgId();
    }

    @EventSourcingHandler
    void on(ProviderAccountRemoved event) {
        removed = true;
    }
}
