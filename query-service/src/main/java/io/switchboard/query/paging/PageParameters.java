package io.switchboard.query.paging;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.support.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Locale;

/**
 * The paging parameters of a list request ({@code sort}, {@code direction}, {@code cursor}, {@code limit}),
 * checked against the list's sorting: anything that makes no sense answers 400.
 */
public record PageParameters(
        @Parameter(description = "the key to sort by; each list names its keys") String sort,
        @Parameter(schema = @Schema(allowableValues = {"asc", "desc"}, defaultValue = "asc")) String direction,
        @Parameter(description = "the nextCursor of the page before, for the page after it") String cursor,
        @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_LIMIT,
                defaultValue = "" + DEFAULT_LIMIT)) Integer limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public <T> PageRequest<T> toRequest(Sorting<T> sorting) {
        SortKey<T> key = sorting.key(sort == null ? sorting.defaultKey() : sort)
                .orElseThrow(() -> ApiException.invalid("sort", "sort must be one of " + sorting.keyNames()));
        boolean descending = descending();
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        Cursor after = cursor == null || cursor.isBlank() ? null : after(key, descending);
        return new PageRequest<>(sorting, key, descending, after, size);
    }

    private boolean descending() {
        String value = direction == null ? "asc" : direction.toLowerCase(Locale.ROOT);
        return switch (value) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw ApiException.invalid("direction", "direction must be asc or desc");
        };
    }

    private Cursor after(SortKey<?> key, boolean descending) {
        try {
            Cursor decoded = Cursor.decode(cursor);
            if (!decoded.sortKey().equals(key.name()) || decoded.descending() != descending) {
                throw new IllegalArgumentException("cursor of another sort order");
            }
            return new Cursor(decoded.sortKey(), descending, key.type().checked(decoded.value()), decoded.id());
        } catch (RuntimeException notOurs) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_CURSOR,
                    "the cursor is not one this list handed out for this sort order; start again without it",
                    "cursor");
        }
    }
}
