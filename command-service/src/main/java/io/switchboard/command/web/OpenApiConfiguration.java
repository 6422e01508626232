package io.switchboard.command.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs: its title and the headers every command reads through {@link CommandSender}
 * (the rest: OpenApiConventions).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI commandServiceApi() {
        return new OpenAPI().info(new Info().title("Switchboard command service").version("v1"));
    }

    @Bean
    OpenApiCustomizer commandHeaders() {
        return api -> api.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
            if (method != PathItem.HttpMethod.GET) {
                operation.addParametersItem(new HeaderParameter().name(CommandSender.IDEMPOTENCY_KEY_HEADER)
                        .description("the same key again, from the same caller, answers the first outcome and"
                                + " writes nothing more")
                        .schema(new StringSchema().pattern("^" + CommandSender.IDEMPOTENCY_KEY_FORM + "$")));
                operation.addParametersItem(new HeaderParameter().name(CommandSender.CORRELATION_ID_HEADER)
                        .description("carried into the events' metadata; one is made when absent or not of this form")
                        .schema(new StringSchema().pattern("^" + CommandSender.CORRELATION_ID_FORM + "$")));
            }
        }));
    }
}
