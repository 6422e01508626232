package io.switchboard.api.common;

/**
 * The rule for every text a request carries, in bodies, paths and query strings: no control characters other than
 * tab, line feed and carriage return (no U+0000-U+001F, U+007F-U+009F) and no unpaired surrogates. PostgreSQL cannot
 * store U+0000 in text or jsonb, so one such character accepted into an event would stop the projection that reads
 * it; the others have no business in names, references or keys and only serve to forge log lines.
 */
public final class PlainText {

    public static final String RULE = "must not contain control characters or unpaired surrogates";

    private static final char REPLACEMENT = '\uFFFD';

    private PlainText() {
    }

    /** Whether {@code text} keeps the rule; no text (null) does. */
    public static boolean isPlain(String text) {
        return text == null || firstForbidden(text) < 0;
    }

    /** The text with each forbidden character replaced by U+FFFD, to echo back or store what was refused. */
    public static String shown(String text) {
        if (isPlain(text)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            shown.append(forbiddenAt(text, i) ? REPLACEMENT : text.charAt(i));
        }
        return shown.toString();
    }

    private static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (forbiddenAt(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean forbiddenAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }
}
