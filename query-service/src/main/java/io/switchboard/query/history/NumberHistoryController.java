package io.switchboard.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.query.NumberHistoryEntry;
import io.switchboard.api.query.Page;
import io.switchboard.query.paging.PageParameters;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "a number's history and its state at a past instant (SPEC §5)")
class NumberHistoryController {

    private final NumberHistory history;

    NumberHistoryController(NumberHistory history) {
        this.history = history;
    }

    @GetMapping("/api/v1/phone-numbers/{id}/history")
    @Operation(summary = "Every event of the number and of its assignments, oldest first, with type, time, aggregate "
            + "and version, actor, correlation id and fields; calls only with calls=true. An org sees its own holding "
            + "periods (import to release), a MEMBER the periods it owned the number, a PLATFORM_ADMIN everything")
    Page<NumberHistoryEntry> history(
            Actor actor, @PathVariable String id,
            @Parameter(description = "include CallCounted and CallRefused") @RequestParam(defaultValue = "false")
            boolean calls,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "page size, 1 to " + PageParameters.MAX_LIMIT) @RequestParam(required = false)
            Integer limit) {
        int size = limit == null ? PageParameters.DEFAULT_LIMIT : limit;
        if (size < 1 || size > PageParameters.MAX_LIMIT) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + PageParameters.MAX_LIMIT);
        }
        return history.page(actor, id, calls, after(cursor), size)
                .orElseThrow(() -> ApiException.notFound("phone number"));
    }

    private static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return -1;
        }
        try {
            return NumberHistory.after(cursor);
        } catch (RuntimeException notOurs) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_CURSOR,
                    "the cursor is not one this history handed out; start again without it", "cursor");
        }
    }
}
