package io.switchboard.command.ratelimit;

import io.github.bucket4j.Bandwidth;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Rate limits on the requests that change something, calls included ({@code switchboard.rate-limits.*}, SPEC §6).
 * Each such request takes one token from its principal's bucket (the token's user within its org) and one from its
 * org's. The defaults let one org's dialer fleet run at the targeted 2,000 calls/s on a single service token and
 * stop what runs far beyond: per principal 2,500 a second with bursts of up to 5,000, per org 5,000 a second with
 * bursts of up to 10,000. A limit given in configuration is given whole (capacity and refill-tokens).
 *
 * @param enabled      false turns both limits off
 * @param perPrincipal the bucket of one user of one org
 * @param perOrg       the bucket all users of one org share
 * @param maxTracked   buckets kept in memory of each kind; beyond it the least recently used is dropped and
 *                     starts full when its principal or org comes back
 */
@ConfigurationProperties("switchboard.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit perPrincipal, Limit perOrg,
                           @DefaultValue("100000") int maxTracked) {

    RateLimitProperties {
        perPrincipal = perPrincipal == null ? new Limit(5_000, 2_500, Duration.ofSeconds(1)) : perPrincipal;
        perOrg = perOrg == null ? new Limit(10_000, 5_000, Duration.ofSeconds(1)) : perOrg;
        if (maxTracked < 1) {
            throw new IllegalArgumentException("switchboard.rate-limits.max-tracked must be at least 1");
        }
    }

    /**
     * A token bucket holding up to {@code capacity} requests, refilled steadily with {@code refillTokens} every
     * {@code refillPeriod}.
     */
    record Limit(long capacity, long refillTokens, @DefaultValue("1s") Duration refillPeriod) {

        Limit {
            if (capacity < 1 || refillTokens < 1 || refillPeriod.isZero() || refillPeriod.isNegative()) {
                throw new IllegalArgumentException("a switchboard.rate-limits limit needs capacity >= 1,"
                        + " refill-tokens >= 1 and a positive refill-period");
            }
        }

        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(capacity).refillGreedy(refillTokens, refillPeriod).build();
        }
    }
}
