package io.switchboard.command.bulk;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * The JSON bulk import's body in the OpenAPI document: 1 to 10,000 {@link BulkRowRequest}s. The controller reads the
 * body as bytes (a bad row must not refuse the request), which springdoc would document as a binary string.
 */
@Configuration(proxyBeanMethods = false)
class BulkImportApiDocs {

    @Bean
    OpenApiCustomizer bulkImportRows() {
        return api -> {
            if (api.getComponents() == null) {
                api.components(new Components());
            }
            ModelConverters.getInstance().read(BulkRowRequest.class).forEach(api.getComponents()::addSchemas);
            Optional.ofNullable(api.getPaths().get(BulkImportController.PATH))
                    .map(PathItem::getPost)
                    .map(Operation::getRequestBody)
                    .map(body -> body.getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE))
                    .ifPresent(BulkImportApiDocs::describeRows);
        };
    }

    private static void describeRows(MediaType json) {
        json.schema(new ArraySchema().minItems(1).maxItems(RowCount.MAX)
                .items(new Schema<>().$ref("#/components/schemas/BulkImportRow")));
    }
}
