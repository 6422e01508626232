package io.switchboard.command.provider;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.Provider;
import io.switchboard.support.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens an org's provider account for a call to its provider: the stored row (404 when the org has no such
 * account), the provider's API (422 when Switchboard reads none for it), and the decrypted credentials (409 when
 * they cannot be decrypted). Provider outages become 503 problems with Retry-After.
 */
@Component
class ProviderConnection {

    /** An account ready for its provider's API; the secrets live only as long as the call that needs them. */
    record OpenAccount(StoredAccount account, ProviderApi api, ProviderSecrets secrets) {
    }

    private final ProviderCredentialStore store;
    private final CredentialCipher cipher;
    private final Map<Provider, ProviderApi> apis;

    ProviderConnection(ProviderCredentialStore store, CredentialCipher cipher, List<ProviderApi> apis) {
        this.store = store;
        this.cipher = cipher;
        this.apis = apis.stream().collect(Collectors.toMap(ProviderApi::provider, Function.identity()));
    }

    OpenAccount open(String orgId, String accountId) {
        StoredAccount account = store.find(orgId, accountId)
                .orElseThrow(() -> ApiException.notFound("provider account"));
        ProviderApi api = apis.get(account.provider());
        if (api == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.PROVIDER_NOT_SUPPORTED,
                    "Switchboard does not read " + account.provider() + "'s API; supported: " + apis.keySet());
        }
        try {
            return new OpenAccount(account, api, ProviderSecrets.decode(cipher.open(accountId, account.credentials())));
        } catch (CredentialsUnreadableException unreadable) {
            throw new ApiException(HttpStatus.CONFLICT, ErrorCode.PROVIDER_CREDENTIALS_UNREADABLE,
                    "the account's credentials cannot be decrypted here: its key is not configured, or the stored"
                            + " ciphertext was altered; register the account again");
        }
    }

    static ApiException unavailable(ProviderUnavailableException e) {
        ApiException problem = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.PROVIDER_UNAVAILABLE,
                e.getMessage());
        return e.retryAfter() == null ? problem : problem.retryAfter(e.retryAfter());
    }
}
