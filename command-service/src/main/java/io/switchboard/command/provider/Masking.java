package io.switchboard.command.provider;

/**
 * How a secret is shown (SPEC §6): {@code ••••} and its last four characters when it has at least 12, else
 * {@code ••••} alone, so that a short secret gives nothing away, its length included.
 */
final class Masking {

    static final String MASK = "••••";
    static final int SHOWN = 4;
    static final int SHORTEST_WITH_SUFFIX = 12;

    private Masking() {
    }

    static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        int length = secret.codePointCount(0, secret.length());
        if (length < SHORTEST_WITH_SUFFIX) {
            return MASK;
        }
        return MASK + secret.substring(secret.offsetByCodePoints(0, length - SHOWN));
    }
}
