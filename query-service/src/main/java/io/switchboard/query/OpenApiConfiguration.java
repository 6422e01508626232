package io.switchboard.query;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.switchboard.query.consistency.MinPositionInterceptor;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/** The OpenAPI document at /v3/api-docs: its title and the read-your-writes header (the rest: OpenApiConventions). */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI queryServiceApi() {
        return new OpenAPI().info(new Info().title("Switchboard query service").version("v1"));
    }

    @Bean
    OperationCustomizer minPositionHeader() {
        return (operation, handler) -> operation.addParametersItem(new HeaderParameter()
                .name(MinPositionInterceptor.HEADER)
                .description("event-store position a command reply returned: answer only once the read models "
                        + "have processed it (503 READ_MODEL_BEHIND if they do not in time; 400 POSITION_AHEAD "
                        + "beyond the event store's head)")
                .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)));
    }
}
