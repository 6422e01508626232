package io.switchboard.command.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RenameAgentRequest(@NotBlank @Size(max = AgentName.MAX_LENGTH) String name) {
}
