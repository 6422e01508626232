package io.switchboard.command.idempotency;

import io.switchboard.support.identity.Actor;

/**
 * Whose idempotency key it is (§4, §6): a key belongs to one principal of one org, so two users of an org never see
 * each other's outcomes, and lives in a namespace: a client's {@code Idempotency-Key} header can never reach a key
 * Switchboard derives itself, such as a call's id (R15).
 */
public record IdempotencyKey(String orgId, String principal, Namespace namespace, String key) {

    public enum Namespace {
        /** The {@code Idempotency-Key} header of a request. */
        REQUEST,
        /** The call id of {@code POST /calls} (R14, R15). */
        CALL
    }

    /** The header's key, or null for a request without one. */
    public static IdempotencyKey request(Actor actor, String header) {
        return header == null ? null : new IdempotencyKey(actor.orgId(), actor.userId(), Namespace.REQUEST, header);
    }

    public static IdempotencyKey call(Actor actor, String callId) {
        return new IdempotencyKey(actor.orgId(), actor.userId(), Namespace.CALL, callId);
    }

    String lockName() {
        return "idempotency:" + orgId + ":" + namespace + ":" + principal + ":" + key;
    }
}
