package io.switchboard.command.shared;

import io.switchboard.api.common.ErrorCode;

/** A command the domain refuses, with the stable code that says why. Nothing is written. */
public class Refusal extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public Refusal(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    public Refusal(ErrorCode code, String detail, String field) {
        super(detail, null, false, false);
        this.code = code;
        this.field = field;
    }

    public static Refusal notFound(String what) {
        return new Refusal(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static Refusal invalid(String field, String detail) {
        return new Refusal(ErrorCode.VALIDATION_FAILED, detail, field);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
