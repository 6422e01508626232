package io.switchboard.command.provider;

import io.switchboard.api.common.Provider;
import io.switchboard.api.provider.CredentialType;
import io.switchboard.api.provider.ProviderAccountVerification;
import io.switchboard.api.provider.ProviderAccountVerification.Status;
import io.switchboard.api.provider.SealedCredentials;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code provider_credential} table (command schema): one row per live provider account, its credentials
 * encrypted by {@link CredentialCipher}. Writes happen inside the account's command handlers (through
 * {@link CredentialVault}), so they commit or roll back with the account's events.
 */
@Repository
class ProviderCredentialStore implements CredentialVault {

    private static final String COLUMNS =
            "account_id, org_id, provider, label, credential_type, key_id, nonce, ciphertext, created_at, created_by";
    private static final String READ_COLUMNS =
            COLUMNS + ", verification_status, verification_at, verification_reason";
    private static final RowMapper<StoredAccount> ACCOUNT = (rs, row) -> new StoredAccount(
            rs.getString("account_id"), rs.getString("org_id"), Provider.valueOf(rs.getString("provider")),
            rs.getString("label"), CredentialType.valueOf(rs.getString("credential_type")),
            new SealedCredentials(rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")),
            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
            new ProviderAccountVerification(Status.valueOf(rs.getString("verification_status")),
                    Optional.ofNullable(rs.getTimestamp("verification_at")).map(Timestamp::toInstant).orElse(null),
                    rs.getString("verification_reason")));

    private final JdbcClient jdbc;
    private final CredentialCipher cipher;
    private final Clock clock;

    ProviderCredentialStore(JdbcClient jdbc, CredentialCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void store(String accountId, String orgId, Provider provider, String label, CredentialType type,
                      SealedCredentials credentials, String createdBy) {
        cipher.open(accountId, credentials); // sealed for this very account, under a key we have
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO provider_credential (" + COLUMNS + ", encrypted_at) VALUES (:id, :org, :provider,"
                        + " :label, :type, :key, :nonce, :ciphertext, :now, :by, :now)")
                .param("id", accountId)
                .param("org", orgId)
                .param("provider", provider.name())
                .param("label", label)
                .param("type", type.name())
                .param("key", credentials.keyId())
                .param("nonce", credentials.nonce())
                .param("ciphertext", credentials.ciphertext())
                .param("now", now)
                .param("by", createdBy)
                .update();
    }

    @Override
    public void shred(String accountId) {
        jdbc.sql("DELETE FROM provider_credential WHERE account_id = :id").param("id", accountId).update();
    }

    @Override
    public Optional<KeyChange> reencrypt(String accountId) {
        Optional<StoredAccount> locked = jdbc.sql("SELECT " + READ_COLUMNS
                        + " FROM provider_credential WHERE account_id = :id FOR UPDATE")
                .param("id", accountId).query(ACCOUNT).optional();
        if (locked.isEmpty() || locked.get().credentials().keyId().equals(cipher.activeKeyId())) {
            return Optional.empty();
        }
        SealedCredentials previous = locked.get().credentials();
        SealedCredentials current = cipher.seal(accountId, cipher.open(accountId, previous));
        jdbc.sql("""
                        UPDATE provider_credential SET key_id = :key, nonce = :nonce, ciphertext = :ciphertext,
                            encrypted_at = :now
                        WHERE account_id = :id""")
                .param("key", current.keyId())
                .param("nonce", current.nonce())
                .param("ciphertext", current.ciphertext())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", accountId)
                .update();
        return Optional.of(new KeyChange(previous.keyId(), current.keyId()));
    }

    @Override
    public void recordVerification(String accountId, ProviderAccountVerification verification) {
        jdbc.sql("""
                        UPDATE provider_credential SET verification_status = :status, verification_at = :at,
                            verification_reason = :reason
                        WHERE account_id = :id""")
                .param("status", verification.status().name())
                .param("at", Timestamp.from(verification.at()))
                .param("reason", verification.reason())
                .param("id", accountId)
                .update();
    }

    Optional<StoredAccount> find(String orgId, String accountId) {
        return jdbc.sql("SELECT " + READ_COLUMNS + " FROM provider_credential WHERE account_id = :id AND org_id = :org")
                .param("id", accountId).param("org", orgId).query(ACCOUNT).optional();
    }

    /** The org's accounts in creation order, after the given one (keyset paging). */
    List<StoredAccount> list(String orgId, Instant afterCreatedAt, String afterId, int limit) {
        if (afterId == null) {
            return jdbc.sql("SELECT " + READ_COLUMNS + " FROM provider_credential WHERE org_id = :org"
                            + " ORDER BY created_at, account_id LIMIT :limit")
                    .param("org", orgId).param("limit", limit).query(ACCOUNT).list();
        }
        return jdbc.sql("SELECT " + READ_COLUMNS + " FROM provider_credential WHERE org_id = :org"
                        + " AND (created_at, account_id) > (:at, :id) ORDER BY created_at, account_id LIMIT :limit")
                .param("org", orgId).param("at", Timestamp.from(afterCreatedAt)).param("id", afterId)
                .param("limit", limit).query(ACCOUNT).list();
    }

    /**
     * The provider of an account of the org, its row held (KEY SHARE) until the caller's transaction ends, so
     * that the account cannot be removed while a number naming it is being imported.
     */
    Optional<Provider> lockReference(String orgId, String accountId) {
        return jdbc.sql("SELECT provider FROM provider_credential WHERE account_id = :id AND org_id = :org"
                        + " FOR KEY SHARE")
                .param("id", accountId).param("org", orgId)
                .query((rs, row) -> Provider.valueOf(rs.getString(1))).optional();
    }

    /** Ids of accounts not encrypted under {@code keyId}, in id order after {@code afterId}. */
    List<String> idsNotUnder(String keyId, String afterId, int limit) {
        return jdbc.sql("""
                        SELECT account_id FROM provider_credential WHERE key_id <> :key AND account_id > :after
                        ORDER BY account_id LIMIT :limit""")
                .param("key", keyId).param("after", afterId).param("limit", limit)
                .query(String.class).list();
    }

    long countNotUnder(String keyId) {
        return jdbc.sql("SELECT count(*) FROM provider_credential WHERE key_id <> :key")
                .param("key", keyId).query(Long.class).single();
    }
}
