package io.switchboard.command.provider;

import io.switchboard.api.common.Provider;

import java.util.List;
import java.util.function.Consumer;

/** A provider's REST API, as far as Switchboard reads it: who the credentials are, and which numbers they hold. */
interface ProviderApi {

    Provider provider();

    /**
     * Checks the credentials against the provider.
     *
     * @throws ProviderRefusedCredentialsException when the provider refuses them
     * @throws ProviderUnavailableException when it cannot tell, after its retries
     */
    void verify(ProviderSecrets secrets);

    /** Every number of the account, a page at a time, in the provider's order; the same exceptions as verify. */
    void listNumbers(ProviderSecrets secrets, Consumer<List<ProviderNumber>> pages);
}
