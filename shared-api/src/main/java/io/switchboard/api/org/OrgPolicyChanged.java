package io.switchboard.api.org;

import org.axonframework.serialization.Revision;

/** {@code maxNumbersPerAgent} null means unlimited; {@code timeZone} is an IANA zone id. */
@Revision("1")
public record OrgPolicyChanged(String orgId, Integer maxNumbersPerAgent, String timeZone) {
}
