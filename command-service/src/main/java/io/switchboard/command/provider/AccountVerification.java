package io.switchboard.command.provider;

import io.switchboard.api.number.MarkNumberFailed;
import io.switchboard.api.provider.ProviderAccountVerification;
import io.switchboard.api.provider.RecordProviderAccountVerification;
import io.switchboard.command.web.CommandSender;
import io.switchboard.support.identity.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * R6: checks an account's credentials against its provider and records the answer on the account. A refusal also
 * marks ERROR, with the provider's reason, every number the org holds that names the account.
 */
@Component
class AccountVerification {

    private final ProviderConnection connection;
    private final ProviderCredentialStore store;
    private final CommandSender commands;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountVerification(ProviderConnection connection, ProviderCredentialStore store, CommandSender commands,
                        JdbcClient jdbc, Clock clock) {
        this.connection = connection;
        this.store = store;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ProviderAccountVerification verify(Actor actor, String accountId, HttpServletRequest request) {
        ProviderConnection.OpenAccount open = connection.open(actor.orgId(), accountId);
        try {
            open.api().verify(open.secrets());
        } catch (ProviderRefusedCredentialsException refused) {
            return refused(actor, accountId, refused.getMessage(), request);
        } catch (ProviderUnavailableException unavailable) {
            throw ProviderConnection.unavailable(unavailable);
        }
        return record(actor, accountId, null, request);
    }

    /** The provider refused the account's credentials, here or in the middle of another call. */
    ProviderAccountVerification refused(Actor actor, String accountId, String reason, HttpServletRequest request) {
        ProviderAccountVerification failed = record(actor, accountId, reason, request);
        String numberReason = "provider account " + accountId + " failed verification: " + failed.reason();
        for (String numberId : heldNumbersNaming(actor.orgId(), accountId)) {
            commands.send(actor, new MarkNumberFailed(numberId, actor.orgId(), numberReason), null, request, null);
        }
        return failed;
    }

    private ProviderAccountVerification record(Actor actor, String accountId, String failureReason,
                                               HttpServletRequest request) {
        commands.send(actor, new RecordProviderAccountVerification(accountId, actor.orgId(), clock.instant(),
                failureReason), null, request, null);
        return store.find(actor.orgId(), accountId).orElseThrow(() -> new IllegalStateException(
                "provider account " + accountId + " vanished while it was verified")).verification();
    }

    private List<String> heldNumbersNaming(String orgId, String accountId) {
        return jdbc.sql("""
                        SELECT number_id FROM registry_number
                        WHERE credential_ref = :account AND org_id = :org AND held AND status <> 'ERROR'
                        ORDER BY number_id""")
                .param("account", accountId).param("org", orgId).query(String.class).list();
    }
}
