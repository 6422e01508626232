package io.switchboard.query;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters name enum values as people write them ({@code provider=twilio}, {@code status=inactive}),
 * with Spring Boot's lenient conversions that ignore case, as configuration properties already do.
 */
@Configuration
class QueryParameterConversion implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        ApplicationConversionService.addApplicationConverters(registry);
    }
}
