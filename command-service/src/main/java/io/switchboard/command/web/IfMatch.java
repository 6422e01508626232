package io.switchboard.command.web;

import io.switchboard.support.web.ApiException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an {@code If-Match} header as the aggregate version a change is conditional on. */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?([0-9]{1,18})\"?$");

    private IfMatch() {
    }

    /** The expected version, or null when the change is unconditional (no header, or {@code *}). */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw ApiException.invalid(HEADER, "must be an ETag this API returned, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
