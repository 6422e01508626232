package io.switchboard.support.web;

import io.switchboard.api.common.ErrorCode;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Optional;

/** A refusal that the client caused and can act on; answered as an RFC 9457 problem with a stable code. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final ErrorCode code;
    private final String field;
    private Duration retryAfter;

    public ApiException(HttpStatus status, ErrorCode code, String detail) {
        this(status, code, detail, null);
    }

    public ApiException(HttpStatus status, ErrorCode code, String detail, String field) {
        super(detail);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, what + " not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, detail);
    }

    public static ApiException invalid(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, detail, field);
    }

    /** When to try again (a Retry-After header), for a refusal that passes. */
    public ApiException retryAfter(Duration after) {
        retryAfter = after;
        return this;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
