package io.switchboard.query.number;

import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberStatus;

/**
 * The filters of a phone-number list, each optional: {@code assigned} true or false, {@code q} a piece of the
 * number or of the label.
 */
public record NumberFilter(
        NumberStatus status,
        Boolean assigned,
        String agentId,
        Provider provider,
        String country,
        String clientId,
        String ownerUserId,
        String q) {

    public NumberFilter withAgent(String agent) {
        return new NumberFilter(status, assigned, agent, provider, country, clientId, ownerUserId, q);
    }
}
