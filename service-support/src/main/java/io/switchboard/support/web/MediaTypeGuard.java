package io.switchboard.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Collections;
import java.util.List;

/**
 * Media types decided before the handler runs, so that a refused request writes nothing. Every Switchboard endpoint
 * answers JSON, but Spring negotiates the answer's type only after the handler ran: a command with an {@code Accept}
 * that excludes JSON would be carried out and then answered 406, so it is refused first (406). A body whose
 * {@code Content-Type} is a wildcard ({@code *}{@code /*}) has no type to read it as (415, not a failure inside the
 * converters).
 */
@Configuration(proxyBeanMethods = false)
public class MediaTypeGuard implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<MediaType> ANSWERED = List.of(MediaType.APPLICATION_JSON,
            MediaType.APPLICATION_PROBLEM_JSON);
    private static final List<MediaType> READ = List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("text/csv"));

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeException {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        String accept = String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (!accept.isBlank() && !acceptsJson(accept)) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERED);
        }
        String contentType = request.getContentType();
        if (contentType != null && !concrete(contentType)) {
            throw new HttpMediaTypeNotSupportedException((MediaType) null, READ);
        }
        return true;
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    private static boolean acceptsJson(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getQualityValue() > 0
                    && ANSWERED.stream().anyMatch(type::isCompatibleWith));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }
}
