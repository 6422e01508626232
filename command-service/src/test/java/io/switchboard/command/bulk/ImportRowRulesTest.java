package io.switchboard.command.bulk;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.BulkImportOutcome;
import io.switchboard.api.number.BulkImportRowResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows of a bulk import as read and checked before anything is written: no Spring, no database. */
class ImportRowRulesTest {

    private static List<CheckedRow> check(String csv) {
        return ImportRowRules.check(CsvRows.read(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    private static BulkImportRowResult settled(CheckedRow row) {
        assertThat(row).isInstanceOf(SettledRow.class);
        return ((SettledRow) row).result();
    }

    @Test
    @DisplayName("R3: a number is normalized to E.164 in the row's country; the provider is read without case")
    void importable() {
        List<CheckedRow> rows = check("(202) 555-0100, Telnyx ,us, Front desk \n+44 20 7946 0958,TWILIO,,");

        ImportableRow first = (ImportableRow) rows.get(0);
        assertThat(first.number().value()).isEqualTo("+12025550100");
        assertThat(first.provider()).isEqualTo(Provider.TELNYX);
        assertThat(first.details().label()).isEqualTo("Front desk");
        assertThat(first.input()).isEqualTo("(202) 555-0100");
        assertThat(((ImportableRow) rows.get(1)).details().label()).isNull();
    }

    @Test
    @DisplayName("R3: a number of another country than the row names, or a country libphonenumber does not know, is invalid at the country")
    void country() {
        List<CheckedRow> rows = check("+442079460958,twilio,US\n2025550100,twilio,ZZ\n2025550100,twilio,USA");

        assertThat(rows).map(ImportRowRulesTest::settled).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(BulkImportOutcome.INVALID);
            assertThat(result.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(result.field()).isEqualTo("country");
        });
        assertThat(settled(rows.get(0)).reason()).isEqualTo("R3: +442079460958 is a number of GB, not of US");
    }

    @Test
    @DisplayName("R4: a number a row imports already is held for every later row, however it is written")
    void duplicates() {
        List<CheckedRow> rows = check("+1 202 555 0100,telnyx\n(202) 555-0100,sip,US\n+12025550100,sip");

        assertThat(rows.get(0)).isInstanceOf(ImportableRow.class);
        assertThat(settled(rows.get(1)).outcome()).isEqualTo(BulkImportOutcome.ALREADY_HELD);
        assertThat(settled(rows.get(1)).reason()).contains("row 1 of this request");
        assertThat(settled(rows.get(2)).e164()).isEqualTo("+12025550100");
    }

    @Test
    @DisplayName("R3, R5: a row without a number or provider, or with a number too long to echo, says which field is wrong")
    void missingFields() {
        List<CheckedRow> rows = check(",telnyx\n+12025550100\n" + "9".repeat(80) + ",telnyx");

        assertThat(settled(rows.get(0)).field()).isEqualTo("number");
        assertThat(settled(rows.get(1)).field()).isEqualTo("provider");
        assertThat(settled(rows.get(1)).reason()).contains("twilio, telnyx");
        assertThat(settled(rows.get(2)).number()).hasSize(ImportRowRules.MAX_NUMBER_LENGTH);
    }

    @Test
    @DisplayName("§4: a CSV body may start with a byte order mark, end lines with CRLF, quote fields (\"\" inside) and name its columns in any order")
    void csv() {
        String csv = "\uFEFFlabel,number,provider\r\n\"Say \"\"hi\"\", then\",+12025550100,sip\r\n";

        List<SubmittedRow> rows = CsvRows.read(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo(2);
            assertThat(row.label()).isEqualTo("Say \"hi\", then");
            assertThat(row.number()).isEqualTo("+12025550100");
            assertThat(row.provider()).isEqualTo("sip");
        });
    }
}
