package io.switchboard.command.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.identity.ActorAuthentication;
import io.switchboard.support.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a request that changes something (POST, PUT, PATCH, DELETE; calls are POSTs) with 429 RATE_LIMITED and
 * {@code Retry-After} once its principal or its org is over its {@link RateLimitProperties rate}. It runs after
 * authentication, which names the actor, and before any handler, so a refused request writes nothing. Reads are
 * not limited.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private record Principal(String orgId, String userId) {
    }

    private final Buckets<Principal> principals;
    private final Buckets<String> orgs;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimitProperties properties, ProblemWriter problems) {
        this.principals = new Buckets<>(properties.perPrincipal(), properties.maxTracked());
        this.orgs = new Buckets<>(properties.perOrg(), properties.maxTracked());
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication authentication)) {
            chain.doFilter(request, response);
            return;
        }
        Actor actor = authentication.actor();
        Bucket principal = principals.of(new Principal(actor.orgId(), actor.userId()));
        ConsumptionProbe own = principal.tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) {
            refuse(request, response, own, "this user");
            return;
        }
        ConsumptionProbe org = orgs.of(actor.orgId()).tryConsumeAndReturnRemaining(1);
        if (!org.isConsumed()) {
            // the org's refusal is not the principal's doing: its own rate stays untouched
            principal.addTokens(1);
            refuse(request, response, org, "this organization");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ConsumptionProbe probe, String who)
            throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                who + " has sent more write requests than its rate limit allows; retry in " + seconds + " s");
    }
}
