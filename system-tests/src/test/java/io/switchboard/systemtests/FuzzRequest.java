package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One generated request, exactly as it is sent. {@code authorization} is the Authorization header's value, if any;
 * {@code credential} says what it is without showing a valid token. {@code pathValues} and {@code json} keep what the
 * world learns from an accepted request.
 */
record FuzzRequest(int index, ApiOperation operation, Caller caller, String mutation, String url,
                   List<Map.Entry<String, String>> headers, Optional<String> authorization, String credential,
                   byte[] body, Map<String, String> pathValues, Optional<JsonNode> json, boolean aimsAtOtherOrg) {

    private static final int SHOWN_BODY = 4_000;

    /** Everything needed to send it again by hand, but a valid token: method, URL, headers, body. */
    String describe() {
        StringBuilder text = new StringBuilder("request #").append(index).append(", ").append(mutation).append(", ")
                .append(operation).append(":\n  ").append(operation.method()).append(' ').append(url).append('\n');
        text.append("  Authorization: ").append(credential).append('\n');
        headers.forEach(header -> text.append("  ").append(header.getKey()).append(": ")
                .append(shown(header.getValue().getBytes(StandardCharsets.ISO_8859_1), 600))
                .append('\n'));
        if (body != null) {
            text.append("  body (").append(body.length).append(" bytes): ").append(shown(body, SHOWN_BODY));
        }
        return text.toString();
    }

    /**
     * Text as it is where it is UTF-8 without control characters (but line breaks and tabs); else every byte that is
     * not printable ASCII as \xNN and a backslash as \\, marked (escaped): the exact bytes either way.
     */
    private static String shown(byte[] bytes, int shown) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean plain = Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)
                && text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f);
        StringBuilder out = new StringBuilder(plain ? "" : "(escaped) ");
        if (plain) {
            out.append(text, 0, Math.min(text.length(), shown));
        } else {
            for (int i = 0; i < bytes.length && out.length() < shown; i++) {
                int b = bytes[i] & 0xff;
                out.append(b == '\\' ? "\\\\" : b >= 0x20 && b < 0x7f ? String.valueOf((char) b)
                        : String.format("\\x%02x", b));
            }
        }
        return out.length() >= shown ? out + "... (cut; " + bytes.length + " bytes in all)" : out.toString();
    }
}
