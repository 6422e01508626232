package io.switchboard.api.common;

/**
 * Stable error codes carried in the {@code code} member of every RFC 9457 problem reply. Clients branch on
 * these; the names never change once published.
 */
public enum ErrorCode {
    // input
    MALFORMED_REQUEST, VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_PHONE_NUMBER, PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED, INVALID_CURSOR, TOO_MANY_ROWS,
    // identity and access
    UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, IDENTITY_PROVIDER_UNAVAILABLE,
    // concurrency and idempotency
    VERSION_MISMATCH, CONCURRENT_MODIFICATION, IDEMPOTENCY_KEY_REUSED, READ_MODEL_BEHIND, POSITION_AHEAD,
    // abuse (SPEC §6): a token or its org sends changes faster than allowed
    RATE_LIMITED,
    // numbers
    NUMBER_ALREADY_HELD, NUMBER_ASSIGNED, NUMBER_NOT_ACTIVE, NUMBER_RELEASED,
    // agents and assignments
    AGENT_NOT_IN_ORG, AGENT_RETIRED, AGENT_OWNER_MISMATCH, AGENT_AT_NUMBER_LIMIT,
    ALREADY_ASSIGNED, NOT_ASSIGNED, ASSIGNMENT_ENDED,
    // calls (R15, R16): a refused call's problem carries the refusal as its code
    DAILY_LIMIT_REACHED, COUNTRY_NOT_ALLOWED, NUMBER_INACTIVE, AGENT_MISMATCH, NO_ELIGIBLE_NUMBER,
    // org policy
    INVALID_TIME_ZONE,
    // provider accounts (SPEC §6): a number's credentialRef names no account of the org, or one of another provider
    PROVIDER_ACCOUNT_NOT_FOUND, PROVIDER_MISMATCH,
    // talking to the provider (R6): it refused the credentials, could not be reached, or has no API Switchboard reads
    PROVIDER_CREDENTIALS_REJECTED, PROVIDER_CREDENTIALS_UNREADABLE, PROVIDER_UNAVAILABLE, PROVIDER_NOT_SUPPORTED,
    // unexpected
    INTERNAL_ERROR
}
