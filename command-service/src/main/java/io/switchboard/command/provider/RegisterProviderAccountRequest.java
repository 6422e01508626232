package io.switchboard.command.provider;

import io.swagger.v3.oas.annotations.media.Schema;
import io.switchboard.api.common.Provider;
import io.switchboard.api.provider.RegisterProviderAccount;
import io.switchboard.support.web.ApiException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * SPEC §6: a provider account with its credentials: {@code token}, or {@code apiKey} with {@code apiSecret}.
 * Every secret member is write-only: replies show them masked, and {@link #toString()} never prints them.
 */
record RegisterProviderAccountRequest(
        @Schema(description = "where the account is", example = "twilio")
        @NotNull Provider provider,
        @Schema(description = "the provider's own id of the account, e.g. a Twilio Account SID; a credential too:"
                + " stored encrypted, shown masked", accessMode = Schema.AccessMode.WRITE_ONLY)
        @NotBlank @Size(max = 128) String providerAccountId,
        @Schema(description = "an auth token; give it, or apiKey and apiSecret", accessMode = Schema.AccessMode.WRITE_ONLY)
        @Size(min = 1, max = 1024) String token,
        @Schema(description = "an API key (with apiSecret), instead of a token", accessMode = Schema.AccessMode.WRITE_ONLY)
        @Size(min = 1, max = 256) String apiKey,
        @Schema(description = "the API key's secret", accessMode = Schema.AccessMode.WRITE_ONLY)
        @Size(min = 1, max = 1024) String apiSecret,
        @Schema(description = "a name for people, at most 64 characters", example = "Twilio production")
        @Size(max = RegisterProviderAccount.MAX_LABEL_LENGTH) String label) {

    /** The secrets, once their form is right: a token alone, or an API key and its secret. */
    ProviderSecrets secrets() {
        boolean hasToken = present(token);
        boolean hasKey = present(apiKey);
        boolean hasSecret = present(apiSecret);
        if (hasToken && (hasKey || hasSecret)) {
            throw ApiException.invalid(hasKey ? "apiKey" : "apiSecret",
                    "give either a token, or an API key and its secret, not both");
        }
        if (!hasToken && !hasKey && !hasSecret) {
            throw ApiException.invalid("token", "give either a token, or an API key and its secret");
        }
        if (!hasToken && !hasKey) {
            throw ApiException.invalid("apiKey", "an API secret needs its API key");
        }
        if (!hasToken && !hasSecret) {
            throw ApiException.invalid("apiSecret", "an API key needs its secret");
        }
        return hasToken ? new ProviderSecrets(providerAccountId.trim(), token.trim(), null, null)
                : new ProviderSecrets(providerAccountId.trim(), null, apiKey.trim(), apiSecret.trim());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "RegisterProviderAccountRequest[provider=" + provider + ", label=" + label + ", secrets masked]";
    }
}
