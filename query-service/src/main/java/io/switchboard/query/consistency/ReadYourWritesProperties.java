package io.switchboard.query.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a read carrying {@value MinPositionInterceptor#HEADER} waits for the read models
 * ({@code switchboard.read-your-writes.*}).
 *
 * @param maxWait    the longest one read waits before it answers 503 READ_MODEL_BEHIND
 * @param maxWaiters how many reads may wait at once; one more answers 503 READ_MODEL_BEHIND without waiting
 */
@ConfigurationProperties("switchboard.read-your-writes")
record ReadYourWritesProperties(@DefaultValue("5s") Duration maxWait, @DefaultValue("32") int maxWaiters) {
}
