package io.switchboard.command.number;

import io.switchboard.api.common.Capability;
import io.switchboard.api.common.PlainText;
import io.switchboard.api.number.NumberDetails;
import io.switchboard.command.shared.Refusal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** R5, R7: what a number's details may hold, and what a change actually changes. */
final class DetailsPolicy {

    private DetailsPolicy() {
    }

    /** Details of a new number: everything bounded, absent members empty, voice capable by default. */
    static NumberDetails forImport(NumberDetails requested) {
        NumberDetails given = requested == null ? NumberDetails.empty() : requested;
        requireBounded(given);
        return NumberDetails.empty().with(new NumberDetails(
                given.label(),
                given.capabilities() == null ? Set.of(Capability.VOICE) : given.capabilities(),
                given.metadata(), given.webhookUrl(), given.providerRefs(), given.platformRefs()));
    }

    /** Only the members of {@code change} that differ from {@code current}; null when nothing would change. */
    static NumberDetails changes(NumberDetails current, NumberDetails change) {
        requireBounded(change);
        NumberDetails next = current.with(change);
        NumberDetails diff = new NumberDetails(
                differing(change.label(), current.label(), next.label()),
                differing(change.capabilities(), current.capabilities(), next.capabilities()),
                differing(change.metadata(), current.metadata(), next.metadata()),
                differing(change.webhookUrl(), current.webhookUrl(), next.webhookUrl()),
                differing(change.providerRefs(), current.providerRefs(), next.providerRefs()),
                differing(change.platformRefs(), current.platformRefs(), next.platformRefs()));
        return diff.equals(new NumberDetails(null, null, null, null, null, null)) ? null : diff;
    }

    private static <T> T differing(T requested, T current, T next) {
        return requested != null && !Objects.equals(current, next) ? requested : null;
    }

    private static void requireBounded(NumberDetails details) {
        if (details.label() != null && details.label().length() > NumberDetails.MAX_LABEL_LENGTH) {
            throw Refusal.invalid("label", "a label has at most " + NumberDetails.MAX_LABEL_LENGTH + " characters");
        }
        if (details.capabilities() != null && details.capabilities().stream().anyMatch(Objects::isNull)) {
            throw Refusal.invalid("capabilities", "each capability is one of " + Arrays.toString(Capability.values()));
        }
        requirePlain("label", details.label());
        requirePlain("webhookUrl", details.webhookUrl());
        requireBounded("metadata", details.metadata(), NumberDetails.MAX_METADATA_ENTRIES);
        requireBounded("providerRefs", details.providerRefs(), NumberDetails.MAX_REFS);
        requireBounded("platformRefs", details.platformRefs(), NumberDetails.MAX_REFS);
        if (details.webhookUrl() != null && !details.webhookUrl().isEmpty()) {
            requireHttpUrl(details.webhookUrl());
        }
    }

    private static void requireBounded(String field, Map<String, String> entries, int maxEntries) {
        if (entries == null) {
            return;
        }
        if (entries.size() > maxEntries) {
            throw Refusal.invalid(field, "at most " + maxEntries + " entries");
        }
        entries.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.length() > NumberDetails.MAX_METADATA_KEY_LENGTH) {
                throw Refusal.invalid(field, "keys are 1 to " + NumberDetails.MAX_METADATA_KEY_LENGTH + " characters");
            }
            if (value == null || value.length() > NumberDetails.MAX_METADATA_VALUE_LENGTH) {
                throw Refusal.invalid(field + "." + key,
                        "values are present and at most " + NumberDetails.MAX_METADATA_VALUE_LENGTH + " characters");
            }
            requirePlain(field, key);
            requirePlain(field + "." + key, value);
        });
    }

    /** Details come from providers and platforms as well as from requests, so the rule holds here too. */
    private static void requirePlain(String field, String text) {
        if (text != null && !PlainText.isPlain(text)) {
            throw Refusal.invalid(PlainText.shown(field), PlainText.RULE);
        }
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || url.length() > NumberDetails.MAX_WEBHOOK_URL_LENGTH) {
                throw Refusal.invalid("webhookUrl", "must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw Refusal.invalid("webhookUrl", "must be an absolute http(s) URL");
        }
    }
}
