package io.switchboard.query.paging;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.support.web.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageParametersTest {

    private record Row(String id, String name, String at) {
    }

    private static final Sorting<Row> SORTING = new Sorting<>("id", Row::id, "name", List.of(
            new SortKey<>("name", "name", KeyType.TEXT, Row::name),
            new SortKey<>("at", "at", KeyType.TIMESTAMP, Row::at)));

    @Test
    @DisplayName("no parameters: the default key, ascending, first page of 50")
    void defaults() {
        PageRequest<Row> request = new PageParameters(null, null, null, null).toRequest(SORTING);

        assertThat(request.key().name()).isEqualTo("name");
        assertThat(request.descending()).isFalse();
        assertThat(request.after()).isNull();
        assertThat(request.limit()).isEqualTo(PageParameters.DEFAULT_LIMIT);
    }

    @Test
    @DisplayName("§6: a page size over 200, or under 1, is refused")
    void limit_out_of_bounds() {
        assertRefused(new PageParameters(null, null, null, 201), ErrorCode.VALIDATION_FAILED, "limit");
        assertRefused(new PageParameters(null, null, null, 0), ErrorCode.VALIDATION_FAILED, "limit");
        assertThat(new PageParameters(null, null, null, 200).toRequest(SORTING).limit()).isEqualTo(200);
    }

    @Test
    @DisplayName("an unknown sort key or direction is refused")
    void unknown_sort() {
        assertRefused(new PageParameters("colour", null, null, null), ErrorCode.VALIDATION_FAILED, "sort");
        assertRefused(new PageParameters(null, "sideways", null, null), ErrorCode.VALIDATION_FAILED, "direction");
    }

    @Test
    @DisplayName("a cursor handed out comes back as the same position")
    void cursor_round_trip() {
        String cursor = new Cursor("at", true, "2025-03-01T09:00:00.123456Z", "id|with\"odd chars").encode();

        PageRequest<Row> request = new PageParameters("at", "DESC", cursor, 10).toRequest(SORTING);

        assertThat(request.after()).isEqualTo(new Cursor("at", true, "2025-03-01T09:00:00.123456Z",
                "id|with\"odd chars"));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    @DisplayName("a tampered cursor, or one of another sort order, is refused with INVALID_CURSOR")
    void tampered_cursor() {
        String byName = new Cursor("name", false, "Ava", "a1").encode();
        String badTime = new Cursor("at", false, "yesterday'; DROP TABLE x", "a1").encode();

        assertRefused(new PageParameters(null, null, "not-a-cursor!", null), ErrorCode.INVALID_CURSOR, "cursor");
        assertRefused(new PageParameters(null, null, byName.substring(3), null), ErrorCode.INVALID_CURSOR, "cursor");
        assertRefused(new PageParameters("name", "desc", byName, null), ErrorCode.INVALID_CURSOR, "cursor");
        assertRefused(new PageParameters("at", null, byName, null), ErrorCode.INVALID_CURSOR, "cursor");
        assertRefused(new PageParameters("at", null, badTime, null), ErrorCode.INVALID_CURSOR, "cursor");
    }

    private static void assertRefused(PageParameters parameters, ErrorCode code, String field) {
        assertThatThrownBy(() -> parameters.toRequest(SORTING))
                .isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(code);
                    assertThat(refusal.field()).isEqualTo(field);
                });
    }
}
