package io.switchboard.command.web;

import io.switchboard.api.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** The HTTP status that answers each refusal code. */
final class RefusalStatus {

    private RefusalStatus() {
    }

    static HttpStatus of(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND, AGENT_NOT_IN_ORG -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case VERSION_MISMATCH -> HttpStatus.PRECONDITION_FAILED;
            case IDEMPOTENCY_KEY_REUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NUMBER_ALREADY_HELD, NUMBER_ASSIGNED, NUMBER_NOT_ACTIVE, NUMBER_RELEASED, AGENT_RETIRED,
                 AGENT_OWNER_MISMATCH, AGENT_AT_NUMBER_LIMIT, ALREADY_ASSIGNED, NOT_ASSIGNED, ASSIGNMENT_ENDED,
                 CONCURRENT_MODIFICATION -> HttpStatus.CONFLICT;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
