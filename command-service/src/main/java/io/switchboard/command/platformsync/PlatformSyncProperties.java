package io.switchboard.command.platformsync;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The voice platform that number changes are pushed to, under {@code switchboard.platform-sync}; the sync runs only
 * with {@code enabled=true} (README, "Outbound sync to voice platforms"). Each change is tried {@code attempts} times
 * at most, waiting {@code initialBackoff}, then twice as long each time up to {@code maxBackoff}, before it is parked.
 */
@ConfigurationProperties("switchboard.platform-sync")
public record PlatformSyncProperties(Vapi vapi, Retry retry) {

    public PlatformSyncProperties {
        vapi = vapi == null ? new Vapi(null, null, null) : vapi;
        retry = retry == null ? new Retry(null, null, null) : retry;
    }

    /** Vapi's REST API; the API key is a secret and comes from the environment only. */
    public record Vapi(String baseUrl, String apiKey, Duration timeout) {

        public Vapi {
            baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.vapi.ai" : baseUrl.replaceAll("/+$", "");
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        void requireComplete() {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalStateException("switchboard.platform-sync.enabled is true but no Vapi API key is"
                        + " configured: set SWITCHBOARD_VAPI_API_KEY");
            }
            if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
                throw new IllegalStateException("switchboard.platform-sync.vapi.base-url must be an http(s) URL");
            }
        }

        /** Never shows the key, wherever a configuration is printed. */
        @Override
        public String toString() {
            return "Vapi[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "unset" : "set")
                    + ", timeout=" + timeout + "]";
        }
    }

    public record Retry(Integer attempts, Duration initialBackoff, Duration maxBackoff) {

        public Retry {
            attempts = attempts == null ? 4 : attempts;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
            if (attempts < 1) {
                throw new IllegalArgumentException("switchboard.platform-sync.retry.attempts must be at least 1");
            }
        }

        /** How long to wait after the given failed attempt (1 for the first). */
        Duration backoffAfter(int attempt) {
            Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
            return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
        }
    }
}
