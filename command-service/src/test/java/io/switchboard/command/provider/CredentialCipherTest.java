package io.switchboard.command.provider;

import io.switchboard.api.provider.SealedCredentials;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static final String KEY_A = randomKey();
    private static final String KEY_B = randomKey();
    private static final byte[] SECRET = "{\"token\":\"sk_live_0123456789abcdef\"}".getBytes(StandardCharsets.UTF_8);

    private static CredentialCipher cipher(String active, Map<String, String> keys) {
        return new CredentialCipher(CredentialKeys.from(new CredentialProperties(keys, active, null)));
    }

    private final CredentialCipher underA = cipher("a", Map.of("a", KEY_A));

    @Test
    @DisplayName("§6: what is sealed for an account opens for that account, under the key it names")
    void roundTrip() {
        SealedCredentials sealed = underA.seal("account-1", SECRET);

        assertThat(sealed.keyId()).isEqualTo("a");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(SECRET.length + 16);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("sk_live_");
        assertThat(underA.open("account-1", sealed)).isEqualTo(SECRET);
    }

    @Test
    @DisplayName("§6: every encryption has a fresh nonce, so the same secret never gives the same ciphertext")
    void freshNonces() {
        Set<String> nonces = new HashSet<>();
        Set<String> ciphertexts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SealedCredentials sealed = underA.seal("account-1", SECRET);
            nonces.add(Base64.getEncoder().encodeToString(sealed.nonce()));
            ciphertexts.add(Base64.getEncoder().encodeToString(sealed.ciphertext()));
        }
        assertThat(nonces).hasSize(200);
        assertThat(ciphertexts).hasSize(200);
    }

    @Test
    @DisplayName("§6: a ciphertext moved to another account does not decrypt (the account id is associated data)")
    void boundToTheAccount() {
        SealedCredentials sealed = underA.seal("account-1", SECRET);

        assertThatThrownBy(() -> underA.open("account-2", sealed))
                .isInstanceOf(CredentialsUnreadableException.class)
                .hasMessageContaining("account-2").hasMessageContaining("does not authenticate");
    }

    @Test
    @DisplayName("§6: one altered byte of ciphertext, tag or nonce and decryption refuses")
    void tamperingIsRefused() {
        SealedCredentials sealed = underA.seal("account-1", SECRET);
        for (int i = 0; i < sealed.ciphertext().length; i++) {
            byte[] altered = sealed.ciphertext();
            altered[i] ^= 0x01;
            SealedCredentials tampered = new SealedCredentials("a", sealed.nonce(), altered);
            assertThatThrownBy(() -> underA.open("account-1", tampered)).as("byte " + i)
                    .isInstanceOf(CredentialsUnreadableException.class);
        }
        byte[] nonce = sealed.nonce();
        nonce[0] ^= 0x01;
        assertThatThrownBy(() -> underA.open("account-1", new SealedCredentials("a", nonce, sealed.ciphertext())))
                .isInstanceOf(CredentialsUnreadableException.class);
    }

    @Test
    @DisplayName("§6: old keys still open what they sealed; new encryptions use the active key")
    void rotationKeepsOldKeysReadable() {
        SealedCredentials old = underA.seal("account-1", SECRET);
        CredentialCipher rotated = cipher("b", Map.of("a", KEY_A, "b", KEY_B));

        assertThat(rotated.open("account-1", old)).isEqualTo(SECRET);
        assertThat(rotated.seal("account-1", SECRET).keyId()).isEqualTo("b");
        assertThatThrownBy(() -> cipher("b", Map.of("b", KEY_B)).open("account-1", old))
                .isInstanceOf(CredentialsUnreadableException.class).hasMessageContaining("not configured");
    }

    @Test
    @DisplayName("§6: the same key with another id does not open a value (the id names the key, the key decides)")
    void wrongKeyRefused() {
        SealedCredentials sealed = underA.seal("account-1", SECRET);
        CredentialCipher otherKeyUnderSameId = cipher("a", Map.of("a", KEY_B));

        assertThatThrownBy(() -> otherKeyUnderSameId.open("account-1", sealed))
                .isInstanceOf(CredentialsUnreadableException.class);
    }

    @Test
    @DisplayName("§6: fingerprints tell secrets apart without containing them")
    void fingerprints() {
        assertThat(underA.fingerprint("sk_live_1")).isEqualTo(underA.fingerprint("sk_live_1"))
                .isNotEqualTo(underA.fingerprint("sk_live_2")).doesNotContain("sk_live").hasSize(64);
        assertThat(underA.fingerprint(null)).isNull();
    }

    @Test
    @DisplayName("§6: masks show the last four characters of a value of 12 or more, nothing of a shorter one")
    void masks() {
        assertThat(Masking.mask("AC0123456789abcdef1234")).isEqualTo("••••1234");
        assertThat(Masking.mask("123456789012")).isEqualTo("••••9012");
        assertThat(Masking.mask("12345678901")).isEqualTo("••••");
        assertThat(Masking.mask("")).isEqualTo("••••");
        assertThat(Masking.mask(null)).isNull();
        assertThat(new ProviderSecrets("AC0123456789abcdef1234", "sk_live_secretsecret", null, null).toString())
                .doesNotContain("AC0123456789").doesNotContain("sk_live");
    }
}
