package io.switchboard.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.common.CommandAccepted;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.number.ImportNumber;
import io.switchboard.api.stream.EventMetadata;
import io.switchboard.command.idempotency.IdempotencyInterceptor;
import io.switchboard.command.idempotency.IdempotencyKey;
import io.switchboard.command.shared.CommandOutcome;
import io.switchboard.command.shared.PendingOutcome;
import io.switchboard.command.shared.Races;
import io.switchboard.command.shared.Refusal;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The one way controllers send commands: adds the audit metadata (actor, correlation id) and the idempotency
 * key, translates refusals into problems, and answers with the aggregate's version and event-store position.
 */
@Component
public class CommandSender {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

    static final String CORRELATION_ID_FORM = "[A-Za-z0-9._:-]{1,64}";
    static final String IDEMPOTENCY_KEY_FORM = "[\\x21-\\x7E]{1,255}";
    private static final Pattern CORRELATION_ID = Pattern.compile(CORRELATION_ID_FORM);
    /**
     * A command that lost a race on its aggregate (another instance appended first) is decided again on the
     * winner's state, after a short random pause so that racing instances spread out.
     */
    private static final int ATTEMPTS = 10;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile(IDEMPOTENCY_KEY_FORM);

    private final CommandGateway gateway;
    private final EventPositions positions;
    private final ObjectMapper objectMapper;

    CommandSender(CommandGateway gateway, EventPositions positions, ObjectMapper objectMapper) {
        this.gateway = gateway;
        this.positions = positions;
        this.objectMapper = objectMapper;
    }

    public ResponseEntity<CommandAccepted> ok(Actor actor, Object command, Object body, HttpServletRequest request) {
        CommandAccepted accepted = send(actor, command, body, request, requestKey(actor, request));
        return ResponseEntity.ok().eTag(etag(accepted)).body(accepted);
    }

    /** 201 Created; {@code location} maps the created aggregate's id to the resource to read it at. */
    public ResponseEntity<CommandAccepted> created(Actor actor, Object command, Object body,
                                                   HttpServletRequest request, UnaryOperator<String> location) {
        CommandAccepted accepted = send(actor, command, body, request, requestKey(actor, request));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(accepted))
                .location(URI.create(location.apply(accepted.id()))).body(accepted);
    }

    /** What a sent command did, and the payload of the last event it applied, when it applied one here. */
    public record Sent(CommandAccepted accepted, Optional<Object> lastEvent) {
    }

    /**
     * Sends a command and waits for its outcome. With an {@code idempotencyKey} (null for none) a retry returns
     * the first outcome and writes nothing.
     */
    public CommandAccepted send(Actor actor, Object command, Object body, HttpServletRequest request,
                                IdempotencyKey idempotencyKey) {
        return dispatch(actor, command, body, request, idempotencyKey).accepted();
    }

    /** As {@link #send}, keeping the last event the command applied for a caller that answers with it. */
    public Sent dispatch(Actor actor, Object command, Object body, HttpServletRequest request,
                         IdempotencyKey idempotencyKey) {
        MetaData metaData = metaData(actor, body, request, idempotencyKey);
        PendingOutcome completed = null;
        for (int attempt = 1; completed == null; attempt++) {
            try {
                completed = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !Races.lost(failure)) {
                    throw translate(command, failure);
                }
                Races.pauseBeforeRetry(attempt, 5);
            }
        }
        CommandOutcome outcome = completed.outcome();
        EventPositions.Position position = outcome.version() == null
                ? positions.latest(outcome.aggregateId())
                : positions.of(outcome.aggregateId(), outcome.version());
        return new Sent(new CommandAccepted(outcome.aggregateId(), position.version(), position.position()),
                completed.lastEvent());
    }

    private MetaData metaData(Actor actor, Object body, HttpServletRequest request, IdempotencyKey key) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(EventMetadata.ACTOR_ID, actor.userId());
        metaData.put(EventMetadata.CORRELATION_ID, correlationId(request));
        if (key != null) {
            metaData.putAll(IdempotencyInterceptor.metaData(key, requestHash(request, body)));
        }
        return MetaData.from(metaData);
    }

    /** The request's {@value #IDEMPOTENCY_KEY_HEADER}, as the actor's key; null without one. */
    public static IdempotencyKey requestKey(Actor actor, HttpServletRequest request) {
        String header = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        requireValidIdempotencyKey(header);
        return IdempotencyKey.request(actor, header);
    }

    /** @throws ApiException 400 when the header's value is not an idempotency key */
    private static void requireValidIdempotencyKey(String key) {
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiException.invalid(IDEMPOTENCY_KEY_HEADER, "must be 1 to 255 visible ASCII characters");
        }
    }

    /** The request's {@value #CORRELATION_ID_HEADER}, when it is one; else none, for the caller to make one. */
    public static Optional<String> correlationId(String given) {
        return Optional.ofNullable(given).filter(id -> CORRELATION_ID.matcher(id).matches());
    }

    private static String correlationId(HttpServletRequest request) {
        return correlationId(request.getHeader(CORRELATION_ID_HEADER)).orElseGet(() -> UUID.randomUUID().toString());
    }

    private String requestHash(HttpServletRequest request, Object body) {
        try {
            String canonical = request.getMethod() + " " + request.getRequestURI() + "\n"
                    + objectMapper.writeValueAsString(body);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    private static Throwable cause(RuntimeException failure) {
        return failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    private static RuntimeException translate(Object command, RuntimeException failure) {
        Throwable cause = cause(failure);
        if (cause instanceof Refusal refusal) {
            return new ApiException(RefusalStatus.of(refusal.code()), refusal.code(), refusal.getMessage(),
                    refusal.field());
        }
        if (cause instanceof ConflictingAggregateVersionException) {
            return new ApiException(HttpStatus.PRECONDITION_FAILED, ErrorCode.VERSION_MISMATCH,
                    "If-Match names a version that is no longer current");
        }
        if (cause instanceof AggregateNotFoundException) {
            return ApiException.notFound("resource");
        }
        if (Races.lost(failure) && command instanceof ImportNumber) {
            // R4: two imports of one number met on its event stream; the other one won
            return new ApiException(HttpStatus.CONFLICT, ErrorCode.NUMBER_ALREADY_HELD,
                    "this number is already held");
        }
        if (Races.lost(failure)) {
            return new ApiException(HttpStatus.CONFLICT, ErrorCode.CONCURRENT_MODIFICATION,
                    "a concurrent change won; read again and retry");
        }
        return failure;
    }

    private static String etag(CommandAccepted accepted) {
        return "\"" + accepted.version() + "\"";
    }
}
