package io.switchboard.query.consistency;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.support.web.ApiException;
import io.switchboard.support.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.time.Duration;

/**
 * Read-your-writes (SPEC §4): a query carrying {@value #HEADER}, the event-store position a command reply
 * returned, is answered only once every read model has processed that position. If they do not within the
 * configured wait, it answers 503 READ_MODEL_BEHIND with {@code Retry-After}.
 */
@Component
public class MinPositionInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-Min-Position";
    private static final long POLL_MILLIS = 10;

    private final ReadModelProgress progress;
    private final ProblemWriter problems;
    private final Duration maxWait;

    MinPositionInterceptor(ReadModelProgress progress, ProblemWriter problems,
                           @Value("${switchboard.read-your-writes.max-wait:5s}") Duration maxWait) {
        this.progress = progress;
        this.problems = problems;
        this.maxWait = maxWait;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String header = request.getHeader(HEADER);
        if (header == null) {
            return true;
        }
        long position = position(header);
        if (awaitProcessed(position)) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.READ_MODEL_BEHIND,
                "the read models have not reached position " + position + " yet; retry shortly");
        return false;
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
