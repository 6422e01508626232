package io.switchboard.command.number;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record TransferRequest(@NotBlank @Size(max = 128) String newOwnerUserId) {
}
