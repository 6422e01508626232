package io.switchboard.command.provider;

/** The provider answered that the account's credentials are not (or no longer) good; the reason is its own. */
class ProviderRefusedCredentialsException extends RuntimeException {

    ProviderRefusedCredentialsException(String reason) {
        super(reason);
    }
}
