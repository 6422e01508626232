package io.switchboard.command.bulk;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.support.web.ApiException;
import org.springframework.http.HttpStatus;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@code text/csv} body (RFC 4180: fields separated by commas, a field in double quotes may hold commas, and
 * {@code ""} stands for a quote inside one) into rows: number, provider, country and label, in that order or in the
 * order a header names them. A first line with a field {@code number} is the header. Blank lines are skipped; every
 * other line is a row, numbered by its line in the file.
 */
final class CsvRows {

    private static final List<String> COLUMNS = List.of("number", "provider", "country", "label");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvRows() {
    }

    static List<SubmittedRow> read(byte[] body, Charset charset) {
        String text = new String(body, charset);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        List<SubmittedRow> rows = new ArrayList<>();
        List<String> columns = null;
        int line = 0;
        for (String content : LINE_BREAK.split(text, -1)) {
            line++;
            if (content.isBlank()) {
                continue;
            }
            List<String> fields = fields(content);
            if (columns == null) {
                columns = isHeader(fields) ? header(fields) : COLUMNS;
                if (columns != COLUMNS) {
                    continue;
                }
            }
            RowCount.requireRoomFor(rows.size() + 1);
            rows.add(row(line, columns, fields));
        }
        RowCount.requireSome(rows.size());
        return rows;
    }

    private static boolean isHeader(List<String> fields) {
        return fields != null && fields.stream().anyMatch(field -> field.equalsIgnoreCase(COLUMNS.get(0)));
    }

    private static List<String> header(List<String> fields) {
        Set<String> seen = new HashSet<>();
        List<String> columns = new ArrayList<>();
        for (String field : fields) {
            String column = field.toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column) || !seen.add(column)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "the header names '"
                        + abbreviate(field) + "' more than once or is not one of " + COLUMNS, "header");
            }
            columns.add(column);
        }
        if (!columns.contains("provider")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "the header has no provider column", "header");
        }
        return columns;
    }

    private static SubmittedRow row(int line, List<String> columns, List<String> fields) {
        if (fields == null) {
            return SubmittedRow.unreadable(line, null, ErrorCode.VALIDATION_FAILED,
                    "a quoted field is not closed on its line", null);
        }
        if (fields.size() > columns.size()) {
            return SubmittedRow.unreadable(line, fields.get(columns.indexOf("number")), ErrorCode.VALIDATION_FAILED,
                    "a row has at most " + columns.size() + " fields: " + String.join(", ", columns), null);
        }
        return SubmittedRow.of(line, field(columns, fields, "number"), field(columns, fields, "provider"),
                field(columns, fields, "country"), field(columns, fields, "label"));
    }

    private static String field(List<String> columns, List<String> fields, String column) {
        int at = columns.indexOf(column);
        return at >= 0 && at < fields.size() ? fields.get(at) : null;
    }

    /** The line's fields, stripped of surrounding blanks; null when a quoted field is not closed. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"' && (quoted || field.toString().isBlank())) {
                quoted = !quoted;
                field.setLength(quoted ? 0 : field.length());
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString().strip());
        return fields;
    }

    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }
}
