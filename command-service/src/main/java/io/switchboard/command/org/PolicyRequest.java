package io.switchboard.command.org;

import jakarta.validation.constraints.Size;

/** R12, R17: absent {@code maxNumbersPerAgent} = unlimited; absent {@code timeZone} = UTC. */
record PolicyRequest(Integer maxNumbersPerAgent, @Size(max = 64) String timeZone) {
}
