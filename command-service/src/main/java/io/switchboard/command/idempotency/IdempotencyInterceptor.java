package io.switchboard.command.idempotency;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.command.shared.PendingOutcome;
import io.switchboard.command.shared.Refusal;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;
import java.util.Optional;

/**
 * {@code Idempotency-Key}: inside the command's own transaction, the first request with a key stores its outcome
 * beside its events; a retry (even a concurrent one, which waits on the key's lock) returns that outcome and
 * writes nothing. The same key with a different request is refused.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String ORG_ID = "idempotencyOrgId";
    private static final String PRINCIPAL = "idempotencyPrincipal";
    private static final String NAMESPACE = "idempotencyNamespace";
    private static final String KEY = "idempotencyKey";
    private static final String REQUEST_HASH = "requestHash";

    private final IdempotencyStore store;

    public IdempotencyInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    /** The metadata that asks this interceptor to make a command idempotent under {@code key}. */
    public static Map<String, Object> metaData(IdempotencyKey key, String requestHash) {
        return Map.of(ORG_ID, key.orgId(), PRINCIPAL, key.principal(), NAMESPACE, key.namespace().name(),
                KEY, key.key(), REQUEST_HASH, requestHash);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (!metaData.containsKey(KEY)) {
            return chain.proceed();
        }
        IdempotencyKey key = new IdempotencyKey((String) metaData.get(ORG_ID), (String) metaData.get(PRINCIPAL),
                IdempotencyKey.Namespace.valueOf((String) metaData.get(NAMESPACE)), (String) metaData.get(KEY));
        String requestHash = (String) metaData.get(REQUEST_HASH);
        store.lock(key);
        Optional<IdempotencyStore.Record> earlier = store.find(key);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(requestHash)) {
                throw new Refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was already used for a different request");
            }
            return PendingOutcome.completed(earlier.get().outcome());
        }
        PendingOutcome outcome = (PendingOutcome) chain.proceed();
        // after the events were dispatched and numbered, in the same transaction as their storage
        unitOfWork.onPrepareCommit(committing -> store.insert(key, requestHash, outcome.outcome()));
        return outcome;
    }
}
