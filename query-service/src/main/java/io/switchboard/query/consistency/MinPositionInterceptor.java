package io.switchboard.query.consistency;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Read-your-writes (SPEC §4): a query carrying {@value #HEADER}, the event-store position a command reply
 * returned, is answered only once every read model has processed that position. A position beyond the event
 * store's head is no command's reply: it answers 400 POSITION_AHEAD at once rather than waiting for nothing. If the
 * read models do not reach the position within the configured wait, it answers 503 READ_MODEL_BEHIND with
 * {@code Retry-After}.
 * <p>
 * A waiting read keeps its request thread, so the waits are bounded in number rather than made asynchronous: a wait
 * usually lasts one event-store poll, and a plain interceptor holding a permit stays simple where an asynchronous
 * dispatch would take the request through the security chain a second time. With every permit taken, a read that
 * would wait answers 503 READ_MODEL_BEHIND at once, so read models that fall behind can never hold all the
 * container's threads.
 */
@Component
public class MinPositionInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-Min-Position";
    private static final long POLL_MILLIS = 10;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ReadModelProgress progress;
    private final Duration maxWait;
    private final Semaphore waiters;

    MinPositionInterceptor(ReadModelProgress progress, ReadYourWritesProperties properties) {
        this.progress = progress;
        this.maxWait = properties.maxWait();
        this.waiters = new Semaphore(properties.maxWaiters());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HEADER);
        if (header == null) {
            return true;
        }
        long position = position(header);
        if (progress.hasProcessed(position)) {
            return true;
        }
        long head = progress.eventStoreHead();
        if (position > head) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.POSITION_AHEAD, "position " + position
                    + " is beyond the event store's head, " + head + ": pass a position a command reply returned",
                    HEADER);
        }
        if (!waiters.tryAcquire()) {
            throw behind("too many reads are waiting for the read models; retry shortly");
        }
        try {
            if (awaitProcessed(position)) {
                return true;
            }
        } finally {
            waiters.release();
        }
        throw behind("the read models have not reached position " + position + " yet; retry shortly");
    }

    private static ApiException behind(String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.READ_MODEL_BEHIND, detail)
                .retryAfter(RETRY_AFTER);
    }

    private static long position(String header) {
        try {
            long position = Long.parseLong(header.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // answered below like a negative one
        }
        throw ApiException.invalid(HEADER, HEADER + " must be an event-store position, a whole number >= 0");
    }

    private boolean awaitProcessed(long position) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!progress.hasProcessed(position)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
