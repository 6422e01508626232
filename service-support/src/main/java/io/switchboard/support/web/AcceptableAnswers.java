package io.switchboard.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Collections;
import java.util.List;

/**
 * Every Switchboard endpoint answers JSON. Spring negotiates the answer's type only after the handler ran, so a
 * command with an {@code Accept} that excludes JSON would be carried out and then answered 406: this refuses it
 * (406, UNSUPPORTED_MEDIA_TYPE) before the handler, so that a refused request writes nothing.
 */
@Configuration(proxyBeanMethods = false)
public class AcceptableAnswers implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<MediaType> ANSWERED = List.of(MediaType.APPLICATION_JSON,
            MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        String accept = String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (handler instanceof HandlerMethod && !accept.isBlank() && !acceptsJson(accept)) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERED);
        }
        return true;
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
