package io.switchboard.api.query;

import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberStatus;

import java.util.Map;

/**
 * Counts over the numbers an org holds (a MEMBER's own only). {@code available} counts ACTIVE numbers without an
 * agent, the ones that can be assigned now (R6).
 */
public record OrgSummary(
        long total,
        long assigned,
        long available,
        Map<NumberStatus, Long> byStatus,
        Map<Provider, Long> byProvider,
        Map<String, Long> byCountry) {
}
