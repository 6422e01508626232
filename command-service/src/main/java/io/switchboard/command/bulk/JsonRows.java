package io.switchboard.command.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.PlainText;
import io.switchboard.support.web.ApiException;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads an {@code application/json} body, an array of {@code {"number", "provider", "country", "label"}} objects (the
 * field names of a single import), into rows numbered from 1. Each row is read on its own: an unknown field or a
 * value of the wrong type makes that row invalid, not the request.
 */
final class JsonRows {

    private static final List<String> FIELDS = List.of("number", "provider", "country", "label");
    private static final int MAX_NAME = 64;

    private JsonRows() {
    }

    static List<SubmittedRow> read(byte[] body, ObjectMapper json) {
        JsonNode array;
        try {
            array = json.readTree(body);
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
                    "the request body is not well-formed JSON");
        }
        if (array == null || !array.isArray()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST, "the request body is a JSON"
                    + " array of rows, e.g. [{\"number\":\"+12025550123\",\"provider\":\"telnyx\"}]");
        }
        RowCount.requireRoomFor(array.size());
        RowCount.requireSome(array.size());
        List<SubmittedRow> rows = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            rows.add(row(i + 1, array.get(i)));
        }
        return rows;
    }

    private static SubmittedRow row(int row, JsonNode object) {
        if (!object.isObject()) {
            return SubmittedRow.unreadable(row, null, ErrorCode.VALIDATION_FAILED,
                    "a row is an object with the fields " + FIELDS, null);
        }
        String number = object.path("number").isTextual() ? object.get("number").asText() : null;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = object.get(name);
            if (!FIELDS.contains(name)) {
                String field = PlainText.shown(name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "...");
                return SubmittedRow.unreadable(row, number, ErrorCode.UNKNOWN_FIELD, "unknown field '" + field + "'",
                        field);
            }
            if (!value.isTextual() && !value.isNull()) {
                return SubmittedRow.unreadable(row, number, ErrorCode.VALIDATION_FAILED, "must be a string or null",
                        name);
            }
        }
        return SubmittedRow.of(row, number, text(object, "provider"), text(object, "country"), text(object, "label"));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
