package io.switchboard.api.query;

import java.util.Set;

/**
 * A number's current assignment (R10, R13). {@code allowedCountries} holds ISO alpha-2 codes or only "*";
 * {@code version} is the Assignment aggregate's version, for {@code If-Match} on limit changes and unassigning.
 */
public record NumberAssignment(String id, String agentId, int dailyLimit, Set<String> allowedCountries,
                               long version) {
}
