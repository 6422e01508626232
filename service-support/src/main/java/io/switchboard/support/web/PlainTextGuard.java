package io.switchboard.support.web;

import io.switchboard.api.common.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * {@link PlainText} for what a request carries outside its body: the decoded path variables and query parameters,
 * checked before the handler runs, so that a refused value reaches neither a command nor a SQL query.
 */
@Configuration(proxyBeanMethods = false)
public class PlainTextGuard implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> requirePlain(String.valueOf(name), String.valueOf(value)));
        }
        request.getParameterMap().forEach((name, values) -> {
            requirePlain(name, name);
            for (String value : values) {
                requirePlain(name, value);
            }
        });
        return true;
    }

    private static void requirePlain(String name, String value) {
        if (!PlainText.isPlain(value)) {
            String field = PlainText.shown(name);
            throw ApiException.invalid(field, field + " " + PlainText.RULE);
        }
    }
}
