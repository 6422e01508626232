package io.switchboard.query.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page ended: the sort key value and id of its last row, and the order it was made for. Clients see it
 * as an opaque base64url string.
 */
public record Cursor(String sortKey, boolean descending, String value, String id) {

    // PostgreSQL text cannot hold NUL, so no value or id contains the separator
    private static final String SEPARATOR = "\0";
    private static final String ASCENDING = "asc";
    private static final String DESCENDING = "desc";

    public String encode() {
        String text = String.join(SEPARATOR, sortKey, descending ? DESCENDING : ASCENDING, id, value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor that {@link #encode()} made */
    public static Cursor decode(String encoded) {
        String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        String[] parts = text.split(SEPARATOR, -1);
        if (parts.length != 4 || !(ASCENDING.equals(parts[1]) || DESCENDING.equals(parts[1]))) {
            throw new IllegalArgumentException("not a cursor");
        }
        return new Cursor(parts[0], DESCENDING.equals(parts[1]), parts[3], parts[2]);
    }
}
