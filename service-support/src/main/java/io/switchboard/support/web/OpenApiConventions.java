package io.switchboard.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.support.identity.Actor;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.Arrays;
import java.util.List;

/**
 * What both services' OpenAPI documents say the same way: bearer (JWT) authentication on every operation, the
 * caller taken from the token and never a parameter, and the refusals every operation may answer, an RFC 9457
 * problem with its stable {@code code} for any 4xx and a 503 with {@code Retry-After} while a dependency is down.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConventions {

    private static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenApiCustomizer switchboardConventions() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.components(components
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(BEARER)
                            .bearerFormat("JWT"))
                    .addSchemas(PROBLEM, problemSchema()));
            api.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            operations(api).forEach(operation -> operation.getResponses()
                    .addApiResponse("4XX", problem("refused: what to change is in detail, the field in field"))
                    .addApiResponse("503", problem("a dependency is down: try again after Retry-After seconds")
                            .addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().schema(new IntegerSchema()))));
        };
    }

    private static List<Operation> operations(OpenAPI api) {
        return api.getPaths() == null ? List.of() : api.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream()).toList();
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media.MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        StringSchema code = new StringSchema();
        Arrays.stream(ErrorCode.values()).forEach(value -> code.addEnumItem(value.name()));
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("code", code.description("stable: what clients switch on"))
                .addProperty("field", new StringSchema().description("the request's field at fault, if one is"))
                .required(List.of("type", "title", "status", "code"));
    }
}
