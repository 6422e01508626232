package io.switchboard.command.provider;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.Provider;
import io.switchboard.api.provider.CredentialType;
import io.switchboard.api.provider.ProviderAccountCredentialsReencrypted;
import io.switchboard.api.provider.ProviderAccountRegistered;
import io.switchboard.api.provider.ProviderAccountRemoved;
import io.switchboard.api.provider.ProviderAccountVerification;
import io.switchboard.api.provider.ProviderAccountVerificationFailed;
import io.switchboard.api.provider.ProviderAccountVerified;
import io.switchboard.api.provider.RecordProviderAccountVerification;
import io.switchboard.api.provider.ReencryptProviderAccountCredentials;
import io.switchboard.api.provider.RegisterProviderAccount;
import io.switchboard.api.provider.RemoveProviderAccount;
import io.switchboard.api.provider.SealedCredentials;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.switchboard.command.shared.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

class ProviderAccountTest {

    private static final String ID = "account-1";
    private static final SealedCredentials SEALED = new SealedCredentials("k1", new byte[12], new byte[]{1, 2, 3});
    private static final Instant CHECKED_AT = Instant.parse("2026-11-21T09:30:00Z");
    private static final ProviderAccountRegistered REGISTERED = new ProviderAccountRegistered(ID, "org-a",
            Provider.TWILIO, "Production", CredentialType.TOKEN, "k1");

    /** The vault as the aggregate sees it: what it was asked to do, and what a rotation would find. */
    static final class RecordingVault implements CredentialVault {
        final List<String> calls = new ArrayList<>();
        Optional<KeyChange> rotation = Optional.empty();

        @Override
        public void store(String accountId, String orgId, Provider provider, String label, CredentialType type,
                          SealedCredentials credentials, String createdBy) {
            calls.add("store " + accountId + " " + orgId + " " + provider + " " + label + " " + type + " "
                    + credentials.keyId() + " " + createdBy);
        }

        @Override
        public void shred(String accountId) {
            calls.add("shred " + accountId);
        }

        @Override
        public Optional<KeyChange> reencrypt(String accountId) {
            calls.add("reencrypt " + accountId);
            return rotation;
        }

        @Override
        public void recordVerification(String accountId, ProviderAccountVerification verification) {
            calls.add("verification " + accountId + " " + verification.status() + " " + verification.at() + " "
                    + verification.reason());
        }
    }

    private FixtureConfiguration<ProviderAccount> fixture;
    private RecordingVault vault;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProviderAccount.class);
        vault = new RecordingVault();
        fixture.registerInjectableResource(vault);
    }

    private static RegisterProviderAccount register(String label) {
        return new RegisterProviderAccount(ID, "org-a", Provider.TWILIO, label, CredentialType.TOKEN, SEALED, "carol");
    }

    @Test
    @DisplayName("§6: registering stores the sealed credentials and emits only non-secret facts, the key id among them")
    void given_nothing_when_register_then_credentials_stored_and_registered_without_secrets() {
        fixture.givenNoPriorActivity()
                .when(register("  Production "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
        assertThat(vault.calls).containsExactly("store account-1 org-a TWILIO Production TOKEN k1 carol");
    }

    @Test
    @DisplayName("§6: a blank label is no label")
    void given_nothing_when_register_with_blank_label_then_label_null() {
        fixture.givenNoPriorActivity()
                .when(register(" "))
                .expectEvents(new ProviderAccountRegistered(ID, "org-a", Provider.TWILIO, null, CredentialType.TOKEN,
                        "k1"));
    }

    @Test
    @DisplayName("§6: a label longer than 64 characters is refused, and nothing is stored")
    void given_nothing_when_register_with_long_label_then_refused() {
        fixture.givenNoPriorActivity()
                .when(register("x".repeat(65)))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
        assertThat(vault.calls).isEmpty();
    }

    @Test
    @DisplayName("§6: an account without credentials is refused, and nothing is stored")
    void given_nothing_when_register_without_credentials_then_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProviderAccount(ID, "org-a", Provider.TWILIO, null, CredentialType.TOKEN, null,
                        "carol"))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
        assertThat(vault.calls).isEmpty();
    }

    @Test
    @DisplayName("§6: removing deletes the credentials and emits the removal")
    void given_registered_when_remove_then_shredded_and_removed() {
        fixture.given(REGISTERED)
                .when(new RemoveProviderAccount(ID, "org-a"))
                .expectEvents(new ProviderAccountRemoved(ID, "org-a"));
        assertThat(vault.calls).containsExactly("shred account-1");
    }

    @Test
    @DisplayName("§6: another org's account does not exist for the caller")
    void given_registered_when_other_org_removes_then_not_found() {
        fixture.given(REGISTERED)
                .when(new RemoveProviderAccount(ID, "org-b"))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
        assertThat(vault.calls).isEmpty();
    }

    @Test
    @DisplayName("§6: a removed account cannot be removed again")
    void given_removed_when_remove_then_not_found() {
        fixture.given(REGISTERED, new ProviderAccountRemoved(ID, "org-a"))
                .when(new RemoveProviderAccount(ID, "org-a"))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R6: credentials the provider accepted are recorded as verified at the time of the check")
    void given_registered_when_verification_succeeded_then_verified() {
        fixture.given(REGISTERED)
                .when(new RecordProviderAccountVerification(ID, "org-a", CHECKED_AT, null))
                .expectEvents(new ProviderAccountVerified(ID, "org-a", CHECKED_AT));
        assertThat(vault.calls).containsExactly("verification account-1 VERIFIED " + CHECKED_AT + " null");
    }

    @Test
    @DisplayName("R6: credentials the provider refused are recorded as failed, with the time and the provider's reason")
    void given_verified_when_verification_failed_then_failed_with_reason() {
        fixture.given(REGISTERED, new ProviderAccountVerified(ID, "org-a", CHECKED_AT.minusSeconds(3600)))
                .when(new RecordProviderAccountVerification(ID, "org-a", CHECKED_AT, "HTTP 401: Authenticate"))
                .expectEvents(new ProviderAccountVerificationFailed(ID, "org-a", CHECKED_AT, "HTTP 401: Authenticate"));
        assertThat(vault.calls).containsExactly("verification account-1 FAILED " + CHECKED_AT
                + " HTTP 401: Authenticate");
    }

    @Test
    @DisplayName("R6: a provider's reason is kept to 256 characters")
    void given_registered_when_long_reason_then_truncated() {
        fixture.given(REGISTERED)
                .when(new RecordProviderAccountVerification(ID, "org-a", CHECKED_AT, "x".repeat(300)))
                .expectEvents(new ProviderAccountVerificationFailed(ID, "org-a", CHECKED_AT, "x".repeat(256)));
    }

    @Test
    @DisplayName("R6: a removed account, or another org's, cannot be verified")
    void given_removed_or_other_org_when_verification_then_not_found() {
        fixture.given(REGISTERED, new ProviderAccountRemoved(ID, "org-a"))
                .when(new RecordProviderAccountVerification(ID, "org-a", CHECKED_AT, null))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new RecordProviderAccountVerification(ID, "org-b", CHECKED_AT, null))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
        assertThat(vault.calls).isEmpty();
    }

    @Test
    @DisplayName("§6: re-encryption under a new key is recorded with both key ids")
    void given_registered_under_old_key_when_reencrypt_then_key_change_recorded() {
        vault.rotation = Optional.of(new CredentialVault.KeyChange("k1", "k2"));
        fixture.given(REGISTERED)
                .when(new ReencryptProviderAccountCredentials(ID))
                .expectEvents(new ProviderAccountCredentialsReencrypted(ID, "org-a", "k1", "k2"));
    }

    @Test
    @DisplayName("§6: re-encryption of credentials already under the active key writes nothing")
    void given_registered_under_active_key_when_reencrypt_then_no_event() {
        fixture.given(REGISTERED)
                .when(new ReencryptProviderAccountCredentials(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(vault.calls).containsExactly("reencrypt account-1");
    }

    @Test
    @DisplayName("§6: a removed account has nothing left to re-encrypt")
    void given_removed_when_reencrypt_then_nothing() {
        fixture.given(REGISTERED, new ProviderAccountRemoved(ID, "org-a"))
                .when(new ReencryptProviderAccountCredentials(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(vault.calls).isEmpty();
    }
}
