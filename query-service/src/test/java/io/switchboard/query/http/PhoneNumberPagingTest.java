package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.api.query.Page;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** §4, §6: sorted lists, walked page by page with the cursor; page sizes are bounded. */
class PhoneNumberPagingTest extends HttpTest {

    private final List<String> numberIds = new ArrayList<>();
    private String admin;

    @BeforeEach
    void sevenNumbers() {
        admin = token("dana", org, Role.ORG_ADMIN);
        List<E164Number> numbers = List.of(TestNumbers.british(), TestNumbers.american(), TestNumbers.german(),
                TestNumbers.british(), TestNumbers.american(), TestNumbers.british(), TestNumbers.german());
        List<String> labels = List.of("b", "A", "c", "a", "B", "", "b");
        for (int i = 0; i < numbers.size(); i++) {
            numberIds.add(given.numberImported(org, "alice", numbers.get(i), Provider.TWILIO, null,
                    labels.get(i).isEmpty() ? null : labels.get(i)));
        }
        given.numberDeactivated(org, numberIds.get(1));
        given.numberFailed(org, numberIds.get(4));
        given.numberDeactivated(org, numberIds.get(6));
    }

    @ParameterizedTest(name = "sort={0} direction={1}")
    @CsvSource({"number,asc", "number,desc", "importedAt,asc", "importedAt,desc", "label,asc", "label,desc",
            "status,asc", "status,desc", "country,asc", "country,desc"})
    @DisplayName("walking every page of a sort order yields each number once, in the order of one big page")
    void walk_all_pages(String sort, String direction) {
        String order = "sort=" + sort + "&direction=" + direction;
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<PhoneNumberView> page = get("/api/v1/phone-numbers?limit=2&" + order
                    + (cursor == null ? "" : "&cursor=" + cursor), admin, NUMBERS).getBody();
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(number -> walked.add(number.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        List<String> oneBigPage = get("/api/v1/phone-numbers?limit=200&" + order, admin, NUMBERS).getBody()
                .items().stream().map(PhoneNumberView::id).toList();
        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(numberIds);
        assertThat(walked).isEqualTo(oneBigPage);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    @DisplayName("the default order is by number, ascending")
    void default_order_is_by_number() {
        List<PhoneNumberView> items = get("/api/v1/phone-numbers", admin, NUMBERS).getBody().items();

        assertThat(items).extracting(PhoneNumberView::e164)
                .isSortedAccordingTo(Comparator.naturalOrder())
                .hasSize(7);
    }

    @Test
    @DisplayName("§6: a page size over 200 is refused with 400 VALIDATION_FAILED")
    void limit_over_200() {
        assertProblem(get("/api/v1/phone-numbers?limit=201", admin, JsonNode.class),
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    @DisplayName("a tampered cursor is refused with 400 INVALID_CURSOR")
    void tampered_cursor() {
        String cursor = get("/api/v1/phone-numbers?limit=2", admin, NUMBERS).getBody().nextCursor();

        assertProblem(get("/api/v1/phone-numbers?limit=2&cursor=" + cursor.substring(4), admin, JsonNode.class),
                HttpStatus.BAD_REQUEST, "INVALID_CURSOR");
        assertProblem(get("/api/v1/phone-numbers?limit=2&sort=label&cursor=" + cursor, admin, JsonNode.class),
                HttpStatus.BAD_REQUEST, "INVALID_CURSOR");
    }
}
