package io.switchboard.support.web;

import io.switchboard.api.common.ErrorCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** RFC 9457 problem documents with Switchboard's stable {@code code} and the offending {@code field}. */
public final class Problems {

    private static final String TYPE_BASE = "https://switchboard.io/problems/";

    private Problems() {
    }

    /** The problem type URI of a code, e.g. {@code https://switchboard.io/problems/not-found}. */
    public static URI type(ErrorCode code) {
        return URI.create(TYPE_BASE + code.name().toLowerCase().replace('_', '-'));
    }

    public static ProblemDetail of(HttpStatusCode status, ErrorCode code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setProperty("code", code.name());
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
