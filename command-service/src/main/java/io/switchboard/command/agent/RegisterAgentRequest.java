package io.switchboard.command.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code ownerUserId} defaults to the caller; only admins may name another user. */
record RegisterAgentRequest(
        @NotBlank @Size(max = AgentName.MAX_LENGTH) String name,
        @Size(min = 1, max = 128) String ownerUserId,
        @Size(min = 1, max = 128) String clientId) {
}
