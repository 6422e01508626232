package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/** The catalogue of values that are nearly right or plainly wrong, as jqwik arbitraries. */
final class Oddities {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Oddities() {
    }

    /**
     * Text a careless parser, database or log trips over: NUL (which PostgreSQL's text and jsonb refuse), lone
     * surrogates, bidi overrides, line separators, injections; now and then any characters at all.
     */
    static Arbitrary<String> oddText() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("\u0000", "a\u0000b", "\u0000\u0000", "name\u0000", "\u202Eevil",
                        "zero\u200Bwidth", "\uFEFFbom", "\uD83D\uDE00", "e\u0301\u0301\u0301", "\uD800", "x\uDFFFy",
                        "\u2028\u2029", "line\r\nbreak", "\t", "\u0085", "\u00A0", "\uFFFF", "\uFFFD",
                        "<script>alert(1)</script>", "' OR '1'='1' --", "%s%n%x", "../../etc/passwd",
                        "${jndi:ldap://example.com/a}", "\uFF21\uFF22\uFF23\uFF11\uFF12", "\u0130\u0131", "null", "\\",
                        "\"", "{}", " leading and trailing ")),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(24)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(6)));
    }

    static Arbitrary<JsonNode> hugeNumbers() {
        return Arbitraries.of("1e309", "-1e309", "99999999999999999999999999999", "1e-400", "2147483648",
                        "-2147483649", "9223372036854775808", "-9223372036854775809", "0.5", "1E+2", "-0")
                .map(number -> NODES.numberNode(number.matches("-?\\d+") ? new BigDecimal(new BigInteger(number))
                        : new BigDecimal(number)));
    }

    /** A value of another JSON type than {@code schema} asks for. */
    static Arbitrary<JsonNode> wrongType(JsonNode schema) {
        Arbitrary<JsonNode> text = Arbitraries.of("12", "abc", "true", "").map(NODES::textNode);
        Arbitrary<JsonNode> number = Arbitraries.of(0, 1, -7).map(NODES::numberNode);
        Arbitrary<JsonNode> bool = Arbitraries.of(true, false).map(NODES::booleanNode);
        Arbitrary<JsonNode> array = Arbitraries.just(NODES.arrayNode().add("x"));
        Arbitrary<JsonNode> object = Arbitraries.just(NODES.objectNode().put("x", 1));
        return switch (schema.path("type").asText()) {
            case "string" -> Arbitraries.oneOf(number, bool, array, object);
            case "integer" -> Arbitraries.oneOf(text, bool, array, object, Arbitraries.just(NODES.numberNode(1.5)));
            case "number" -> Arbitraries.oneOf(text, bool, array, object);
            case "boolean" -> Arbitraries.oneOf(text, number, array, object);
            case "array" -> Arbitraries.oneOf(text, number, bool, object);
            case "object" -> Arbitraries.oneOf(text, number, bool, array);
            default -> Arbitraries.oneOf(text, number, bool, array, object);
        };
    }

    /** Path segments, already percent-encoded, that name nothing: random, empty, huge, traversal, odd. */
    static Arbitrary<String> garbageIds() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                        .as((high, low) -> new UUID(high, low).toString()),
                Arbitraries.of("", "%20", "0", "-1", "null", "undefined", "..", "..%2F..%2Factuator", "%2e%2e",
                        "%2e%2e%2f", "a%2Fb", "%00", "%0d%0a", "x;jsessionid=1", "%E2%80%AE", "%C0%AF", "%FF%FE",
                        "*", "~", "'--", "%27%20OR%201%3D1", "9".repeat(3_000), "a".repeat(300)),
                oddText().map(Oddities::encoded));
    }

    static Arbitrary<String> badIfMatches() {
        return Arbitraries.of("\"999999\"", "abc", "\"\"", "*", "W/\"0\"", "\"-1\"", "\"99999999999999999999\"",
                "\"1\", \"2\"", "0x1", " ", "\"1", "1\"", "\"" + "9".repeat(400) + "\"");
    }

    static Arbitrary<String> badMinPositions(long position) {
        return Arbitraries.of("-1", "abc", "1.5", "", " ", "99999999999999999999", "9223372036854775807", "0x10",
                "+5", "5 5", "1e3", Long.toString(position + 1_000_000));
    }

    static Arbitrary<String> badIdempotencyKeys() {
        return Arbitraries.of("", " ", "k".repeat(300), "k".repeat(5_000), latin1("\u00e9t\u00e9-\u00ff"),
                latin1("\uD83D\uDE00"), "a,b", "tab\there", "\"quoted\"", "%00");
    }

    /** Correlation ids beyond what the services take (1 to 64 of A-Z, a-z, 0-9 and {@code ._:-}). */
    static Arbitrary<String> badCorrelationIds() {
        return Arbitraries.of("", " ", "c".repeat(65), "c".repeat(400), "a b", latin1("\u00fcn\u00efcode"), "tab\there",
                "x,y", "../../etc", "%00", "<script>");
    }

    static Arbitrary<String> contentTypes() {
        return Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=fuzz", "application/json; charset=klingon",
                "application/json; charset=UTF-16", "application/yaml", "text/csv", "application/octet-stream",
                "*/*", "application/", "garbage", "application/json; boundary=\"", "");
    }

    static Arbitrary<String> unacceptableAccepts() {
        return Arbitraries.of("application/xml", "text/html", "image/png", "application/json;q=0", "*/*;q=0",
                "text/csv", "garbage", "application/problem+xml");
    }

    /** How a body that is meant to be JSON can fail to be it, made from the valid one. */
    static Arbitrary<byte[]> malformed(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, Math.max(0, valid.length - 1))
                        .map(cut -> Arrays.copyOf(valid, cut)),
                Arbitraries.of(text + "}", text + " trailing", text.replaceFirst("\"", "'"), "{", "[", "{\"a\":}",
                        "{,}", "NaN", "nul", "/* comment */" + text, text.replaceFirst("\\{", "{\"dup\":1,\"dup\":2,"),
                        "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                        " ".repeat(100_000) + text).map(Oddities::utf8),
                Arbitraries.of(new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0,
                                (byte) 0xaf}, new byte[] {0}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})
                        .map(bad -> insert(valid, bad, valid.length / 2)),
                Arbitraries.just(insert(valid, new byte[] {(byte) 0xff, (byte) 0xfe}, 0)));
    }

    /** UTF-8 bytes of {@code text}, each as one char: how odd text travels in a header or a raw byte body. */
    static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Percent-encoded UTF-8, every byte but the unreserved ones (RFC 3986). */
    static String encoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] into, byte[] bytes, int at) {
        byte[] result = new byte[into.length + bytes.length];
        System.arraycopy(into, 0, result, 0, at);
        System.arraycopy(bytes, 0, result, at, bytes.length);
        System.arraycopy(into, at, result, at + bytes.length, into.length - at);
        return result;
    }
}
