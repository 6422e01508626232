package io.switchboard.support.identity;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.Role;
import io.switchboard.support.web.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Every request is authenticated by a bearer JWT, except health and the OpenAPI document; the other actuator
 * endpoints (metrics among them) are a PLATFORM_ADMIN's only. Failures answer
 * RFC 9457 problems: 401 UNAUTHENTICATED, 403 FORBIDDEN, and 503 IDENTITY_PROVIDER_UNAVAILABLE while the
 * identity provider's keys cannot be fetched.
 */
@Configuration
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityConfiguration implements WebMvcConfigurer {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtProperties properties, ProblemWriter problems)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**",
                                "/v3/api-docs", "/error").permitAll()
                        // metrics name tenants in their tags and show every org's volumes
                        .requestMatchers("/actuator/**").hasRole(Role.PLATFORM_ADMIN.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ActorFromJwt(properties.claims())))
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden)
                        .withObjectPostProcessor(identityProviderOutages(problems)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .build();
    }

    /**
     * A token that cannot be checked because the identity provider's keys cannot be fetched is not a bad token:
     * it answers 503 IDENTITY_PROVIDER_UNAVAILABLE, so clients retry instead of dropping their credentials.
     */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> identityProviderOutages(ProblemWriter problems) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler((request, response, exception) -> {
                    if (exception instanceof AuthenticationServiceException) {
                        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                                ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE,
                                "the identity provider's keys cannot be fetched to check this token; retry shortly");
                    } else {
                        problems.unauthenticated(request, response, exception);
                    }
                });
                return filter;
            }
        };
    }

    /** What the firewall refuses before any handler runs (an encoded slash, a control character) is a 400 problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                ErrorCode.MALFORMED_REQUEST, "the request contains characters or encodings that are not allowed");
    }

    /** See {@link TokenDecoders}: a shared HS256 secret, a JWK set or an OpenID issuer, exactly one. */
    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties) {
        return TokenDecoders.create(properties);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentActorResolver());
    }
}
