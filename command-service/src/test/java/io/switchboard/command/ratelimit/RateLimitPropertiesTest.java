package io.switchboard.command.ratelimit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitPropertiesTest {

    private static RateLimitProperties bind(Map<String, String> configuration) {
        return new Binder(new MapConfigurationPropertySource(configuration))
                .bindOrCreate("switchboard.rate-limits", RateLimitProperties.class);
    }

    private static FilterRegistrationBean<RateLimitFilter> registration(RateLimitProperties properties) {
        return new RateLimitConfiguration().rateLimitFilter(properties, new SecurityProperties(), null);
    }

    @Test
    @DisplayName("§6: by default both rate limits are on, right after the security filter chain: 2,500 writes/s per"
            + " principal in bursts of up to 5,000, 5,000/s per org in bursts of up to 10,000")
    void defaults() {
        RateLimitProperties defaults = bind(Map.of());

        assertThat(defaults.perPrincipal()).isEqualTo(new RateLimitProperties.Limit(5_000, 2_500, Duration.ofSeconds(1)));
        assertThat(defaults.perOrg()).isEqualTo(new RateLimitProperties.Limit(10_000, 5_000, Duration.ofSeconds(1)));
        assertThat(defaults.maxTracked()).isEqualTo(100_000);
        assertThat(registration(defaults).isEnabled()).isTrue();
        assertThat(registration(defaults).getOrder()).isEqualTo(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    }

    @Test
    @DisplayName("§6: switchboard.rate-limits.enabled=false turns the rate limits off")
    void disabled() {
        assertThat(registration(bind(Map.of("switchboard.rate-limits.enabled", "false"))).isEnabled()).isFalse();
    }

    @Test
    @DisplayName("§6: a configured limit needs its capacity and refill; without them the service does not start and"
            + " says what to set")
    void incompleteLimit() {
        assertThatThrownBy(() -> bind(Map.of("switchboard.rate-limits.per-org.capacity", "100")))
                .rootCause().hasMessageContaining("refill-tokens >= 1");
        assertThat(bind(Map.of("switchboard.rate-limits.per-org.capacity", "100",
                "switchboard.rate-limits.per-org.refill-tokens", "10")).perOrg())
                .isEqualTo(new RateLimitProperties.Limit(100, 10, Duration.ofSeconds(1)));
    }
}
