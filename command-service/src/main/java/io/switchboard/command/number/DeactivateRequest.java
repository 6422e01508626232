package io.switchboard.command.number;

import jakarta.validation.constraints.Size;

record DeactivateRequest(@Size(max = 256) String reason) {
}
