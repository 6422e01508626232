package io.switchboard.command.provider;

import io.switchboard.api.provider.SealedCredentials;
import org.springframework.jdbc.core.JdbcTemplate;

/** For tests elsewhere in the command service: puts credentials under another configured key, as before a rotation. */
public final class TestCredentials {

    /** The second key of the tests' configuration ({@code config/application.yml}), not the active one. */
    public static final String PREVIOUS_KEY = "previous";

    private TestCredentials() {
    }

    /** Encrypts the account's stored credentials again, under {@code keyId} instead of the active key. */
    public static void encryptUnder(JdbcTemplate jdbc, CredentialProperties configured, String accountId, String keyId) {
        CredentialCipher active = new CredentialCipher(CredentialKeys.from(configured));
        CredentialCipher other = new CredentialCipher(CredentialKeys.from(
                new CredentialProperties(configured.keys(), keyId, null)));
        SealedCredentials stored = jdbc.queryForObject(
                "SELECT key_id, nonce, ciphertext FROM provider_credential WHERE account_id = ?",
                (rs, row) -> new SealedCredentials(rs.getString(1), rs.getBytes(2), rs.getBytes(3)), accountId);
        SealedCredentials under = other.seal(accountId, active.open(accountId, stored));
        jdbc.update("UPDATE provider_credential SET key_id = ?, nonce = ?, ciphertext = ? WHERE account_id = ?",
                under.keyId(), under.nonce(), under.ciphertext(), accountId);
    }
}
