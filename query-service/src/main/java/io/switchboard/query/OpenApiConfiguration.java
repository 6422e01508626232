package io.switchboard.query;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.switchboard.query.consistency.MinPositionInterceptor;
import io.switchboard.support.identity.Actor;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/** The OpenAPI document at /v3/api-docs: bearer authentication and the read-your-writes header. */
@Configuration
class OpenApiConfiguration {

    static {
        // the caller comes from the bearer token, not from the request parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI queryServiceApi() {
        return new OpenAPI()
                .info(new Info().title("Switchboard query service").version("v1"))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer minPositionHeader() {
        return (operation, handler) -> operation.addParametersItem(new HeaderParameter()
                .name(MinPositionInterceptor.HEADER)
                .description("event-store position a command reply returned: answer only once the read models "
                        + "have processed it (503 READ_MODEL_BEHIND if they do not in time)")
                .schema(new IntegerSchema().minimum(BigDecimal.ZERO)));
    }
}
