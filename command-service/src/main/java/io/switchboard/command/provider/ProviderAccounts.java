package io.switchboard.command.provider;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.Provider;
import io.switchboard.api.provider.ProviderAccountView;
import io.switchboard.api.provider.SealedCredentials;
import io.switchboard.api.query.Page;
import io.switchboard.support.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP edge's side of provider accounts: seals what a request brings, and shows stored accounts with their
 * secrets masked. Plaintext exists only inside these calls.
 */
@Component
class ProviderAccounts {

    /** What an idempotent request is recognised by: its secrets only as keyed digests. */
    record Fingerprint(Provider provider, String label, String providerAccountId, String token, String apiKey,
                       String apiSecret) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProviderAccounts.class);

    private final ProviderCredentialStore store;
    private final CredentialCipher cipher;

    ProviderAccounts(ProviderCredentialStore store, CredentialCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    SealedCredentials seal(String accountId, ProviderSecrets secrets) {
        return cipher.seal(accountId, secrets.encode());
    }

    Fingerprint fingerprint(RegisterProviderAccountRequest request, ProviderSecrets secrets) {
        return new Fingerprint(request.provider(), request.label(), cipher.fingerprint(secrets.providerAccountId()),
                cipher.fingerprint(secrets.token()), cipher.fingerprint(secrets.apiKey()),
                cipher.fingerprint(secrets.apiSecret()));
    }

    boolean exists(String orgId, String accountId) {
        return store.find(orgId, accountId).isPresent();
    }

    Optional<ProviderAccountView> find(String orgId, String accountId) {
        return store.find(orgId, accountId).map(this::view);
    }

    Page<ProviderAccountView> page(String orgId, int limit, String cursor) {
        PageCursor after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor);
        List<StoredAccount> rows = store.list(orgId, after == null ? null : after.createdAt(),
                after == null ? null : after.accountId(), limit + 1);
        List<StoredAccount> shown = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit
                ? new PageCursor(shown.get(shown.size() - 1).createdAt(), shown.get(shown.size() - 1).accountId()).encode()
                : null;
        return new Page<>(shown.stream().map(this::view).toList(), next);
    }

    private ProviderAccountView view(StoredAccount account) {
        ProviderSecrets secrets = null;
        try {
            secrets = ProviderSecrets.decode(cipher.open(account.accountId(), account.credentials()));
        } catch (CredentialsUnreadableException unreadable) {
            log.warn("{}", unreadable.getMessage());
        }
        return new ProviderAccountView(account.accountId(), account.provider(), account.label(),
                secrets == null ? null : Masking.mask(secrets.providerAccountId()), account.type(),
                secrets == null ? null : Masking.mask(secrets.token()),
                secrets == null ? null : Masking.mask(secrets.apiKey()),
                secrets == null ? null : Masking.mask(secrets.apiSecret()),
                secrets != null, account.credentials().keyId(), account.createdAt(), account.createdBy(),
                account.verification());
    }

    /** Where a page ended: the creation time (to the microsecond PostgreSQL keeps) and id of its last account. */
    record PageCursor(Instant createdAt, String accountId) {

        String encode() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + ":" + accountId).getBytes(StandardCharsets.UTF_8));
        }

        static PageCursor decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                long micros = Long.parseLong(text.substring(0, colon));
                return new PageCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), text.substring(colon + 1));
            } catch (RuntimeException notACursor) {
                throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_CURSOR,
                        "cursor is not one this list returned", "cursor");
            }
        }
    }
}
