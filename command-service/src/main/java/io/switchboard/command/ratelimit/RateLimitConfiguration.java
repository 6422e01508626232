package io.switchboard.command.ratelimit;

import io.switchboard.support.web.ProblemWriter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** Right after Spring Security's filter chain: the actor is known and nothing of the request has run yet. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties,
                                                            SecurityProperties security, ProblemWriter problems) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(properties, problems));
        registration.setOrder(security.getFilter().getOrder() + 1);
        registration.setEnabled(properties.enabled());
        return registration;
    }
}
