package io.switchboard.command.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * How Switchboard talks to providers' REST APIs ({@code switchboard.providers.*}).
 *
 * @param twilioApiUrl   Twilio's REST API; a stand-in's address in tests and demos
 * @param timeout        per request
 * @param attempts       per request, counting the first, when the provider is rate limiting (429) or failing (5xx)
 * @param maxRetryAfter  the longest Retry-After honoured; a provider asking for more is reported unavailable
 * @param pageSize       numbers asked for per page when listing an account's numbers
 */
@ConfigurationProperties("switchboard.providers")
record ProviderApiProperties(
        @DefaultValue("https://api.twilio.com") URI twilioApiUrl,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("4") int attempts,
        @DefaultValue("30s") Duration maxRetryAfter,
        @DefaultValue("100") int pageSize) {
}
