package io.switchboard.command.provider;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.ImportNumber;
import io.switchboard.support.web.ApiException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.http.HttpStatus;

/**
 * SPEC §6, R5: a number's {@code credentialRef} is the id of a provider account of the importing org, at the
 * number's provider. Checked inside the import's transaction, whichever way the command came, with the account's
 * row held until the import commits, so an account cannot be removed under an import that names it. A refused
 * import writes nothing.
 */
class CredentialReferenceCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String FIELD = "credentialRef";

    private final ProviderCredentialStore store;

    CredentialReferenceCheck(ProviderCredentialStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof ImportNumber command && command.credentialRef() != null) {
            // the ref is not echoed: someone may have pasted a secret into it
            Provider provider = store.lockReference(command.orgId(), command.credentialRef())
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, ErrorCode.PROVIDER_ACCOUNT_NOT_FOUND,
                            "credentialRef names no provider account of your organization", FIELD));
            if (provider != command.provider()) {
                throw new ApiException(HttpStatus.CONFLICT, ErrorCode.PROVIDER_MISMATCH, "credentialRef names a "
                        + provider + " account, but the number's provider is " + command.provider(), FIELD);
            }
        }
        return chain.proceed();
    }
}
