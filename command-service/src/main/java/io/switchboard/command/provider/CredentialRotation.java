package io.switchboard.command.provider;

import io.switchboard.api.provider.ReencryptProviderAccountCredentials;
import io.switchboard.api.provider.ReencryptionReport;
import io.switchboard.command.web.CommandSender;
import io.switchboard.support.identity.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Key rotation (SPEC §6): every account whose credentials are under another key than the active one is encrypted
 * again, one command per account (its row locked, its event stored, in one transaction), reading the accounts in
 * batches. An account that cannot be decrypted is counted and left as it is; running again is harmless.
 */
@Component
class CredentialRotation {

    private static final Logger log = LoggerFactory.getLogger(CredentialRotation.class);

    private final ProviderCredentialStore store;
    private final CredentialCipher cipher;
    private final CommandSender commands;
    private final int batchSize;

    CredentialRotation(ProviderCredentialStore store, CredentialCipher cipher, CommandSender commands,
                       CredentialProperties properties) {
        this.store = store;
        this.cipher = cipher;
        this.commands = commands;
        this.batchSize = Math.max(1, properties.reencryptBatchSize());
    }

    ReencryptionReport reencryptAll(Actor actor, HttpServletRequest request) {
        String active = cipher.activeKeyId();
        long reencrypted = 0;
        long failed = 0;
        String after = "";
        for (List<String> batch = store.idsNotUnder(active, after, batchSize); !batch.isEmpty();
             batch = store.idsNotUnder(active, after, batchSize)) {
            for (String accountId : batch) {
                try {
                    if (commands.dispatch(actor, new ReencryptProviderAccountCredentials(accountId), null, request,
                            null).lastEvent().isPresent()) {
                        reencrypted++;
                    }
                } catch (RuntimeException failure) {
                    failed++;
                    log.warn("provider account {} was not re-encrypted: {}", accountId,
                            failure instanceof CredentialsUnreadableException ? failure.getMessage()
                                    : failure.getClass().getSimpleName());
                }
            }
            after = batch.get(batch.size() - 1);
        }
        long remaining = store.countNotUnder(active);
        log.info("key rotation to '{}': {} provider accounts re-encrypted, {} failed, {} still under another key",
                active, reencrypted, failed, remaining);
        return new ReencryptionReport(active, reencrypted, failed, remaining);
    }
}
