package io.switchboard.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.PhoneNumberRejectedException;
import io.switchboard.api.common.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem with a stable code. Input errors are 4xx and name the field;
 * anything unexpected is a bare 500 whose detail reveals nothing (the log has the cause).
 */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = problem(e.status(), e.code(), e.getMessage(), e.field(), request);
        return e.retryAfter().map(after -> ResponseEntity.status(problem.getStatusCode())
                        .headers(problem.getHeaders())
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds())))
                        .body(problem.getBody()))
                .orElse(problem);
    }

    @ExceptionHandler(PhoneNumberRejectedException.class)
    ResponseEntity<ProblemDetail> phoneNumber(PhoneNumberRejectedException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_PHONE_NUMBER,
                e.getMessage() + " (" + e.rejection().name() + ")", "number", request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (BodySizeLimitFilter.isTooLarge(e)) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE,
                    "the request body is larger than allowed", null, request);
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, ErrorCode.UNKNOWN_FIELD,
                    "unknown field '" + unknown.getPropertyName() + "'", path(unknown), request);
        }
        if (cause instanceof InvalidFormatException invalid) {
            return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "value '" + PlainText.shown(String.valueOf(invalid.getValue())) + "' is not allowed here",
                    path(invalid), request);
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "value has the wrong type", path(mismatched), request);
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof IllegalArgumentException bad) {
            return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, bad.getMessage(), path(mapping),
                    request);
        }
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
                "the request body is missing or is not well-formed JSON", null, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        FieldError first = e.getBindingResult().getFieldError();
        String field = first == null ? null : first.getField();
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, detail, field, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        var first = e.getParameterValidationResults().get(0);
        String field = first.getMethodParameter().getParameterName();
        String detail = first.getResolvableErrors().get(0).getDefaultMessage();
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, field + " " + detail, field, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "'" + PlainText.shown(String.valueOf(e.getValue())) + "' is not a valid " + e.getName(), e.getName(),
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "parameter " + e.getParameterName() + " is required", e.getParameterName(), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                "header " + e.getHeaderName() + " is required", e.getHeaderName(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "send " + e.getSupportedMediaTypes(), null, request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_ACCEPTABLE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "this resource answers application/json", null, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not supported here", null, request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "no such resource", null, request);
    }

    /** The firewall refused what the request carries (e.g. control characters in a parameter name). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
                "the request contains characters or encodings that are not allowed", null, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                "an unexpected error occurred", null, request);
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, ErrorCode code, String detail,
                                                        String field, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(status, code, detail, field);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
