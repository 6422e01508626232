package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Authorization headers that must not authenticate, most of them made from a valid token (so they follow whatever
 * claims the project's minting helper puts in): its signature altered, its claims raised, its algorithm "none".
 */
final class BadTokens {

    /** The header's value, and what to show for it: a value that still holds the valid token is not printed. */
    record BadToken(String header, String shown) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private BadTokens() {
    }

    static List<BadToken> from(String valid, String whose) {
        String[] parts = valid.split("\\.");
        String unsignedHeader = BASE64URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8));
        return List.of(
                shown("Bearer not.a.jwt"),
                new BadToken("Bearer " + parts[0] + "." + parts[1] + "." + flipped(parts[2]),
                        "Bearer <" + whose + ", the last character of its signature changed>"),
                shown("Bearer " + unsignedHeader + "." + parts[1] + "."),
                shown("Bearer " + parts[0] + "." + platformAdmin(parts[1]) + "." + parts[2]),
                shown("Bearer " + parts[0] + "." + parts[1]),
                shown("Basic dXNlcjpwYXNzd29yZA=="),
                shown("Bearer"),
                shown("Bearer " + "a".repeat(10_000)),
                new BadToken("Bearer " + valid + "x", "Bearer <" + whose + ">x"),
                new BadToken("Token " + valid, "Token <" + whose + ">"));
    }

    private static BadToken shown(String header) {
        return new BadToken(header, header);
    }

    private static String flipped(String signature) {
        char last = signature.charAt(signature.length() - 1);
        return signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    /** The same claims, but the roles of a platform administrator; the signature stays the original's. */
    private static String platformAdmin(String payload) {
        try {
            ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(payload));
            claims.putArray("roles").add("PLATFORM_ADMIN");
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
