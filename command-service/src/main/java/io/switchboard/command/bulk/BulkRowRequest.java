package io.switchboard.command.bulk;

import io.swagger.v3.oas.annotations.media.Schema;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberDetails;

/**
 * One row of a JSON bulk import, as the OpenAPI document describes it. {@link JsonRows} reads the rows one by one
 * instead of binding them, so that a bad row becomes an INVALID result and not a refused request.
 */
@Schema(name = "BulkImportRow", description = "a number to import, as POST /api/v1/phone-numbers would")
record BulkRowRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ImportRowRules.MAX_NUMBER_LENGTH,
                example = "+12025550123") String number,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, implementation = Provider.class,
                description = "a provider name, in any case") String provider,
        @Schema(description = "ISO 3166 alpha-2 code of the number's country", pattern = "^[A-Za-z]{2}$",
                example = "US") String country,
        @Schema(maxLength = NumberDetails.MAX_LABEL_LENGTH) String label) {
}
