package io.switchboard.command.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** R10: {@code dailyLimit} defaults to 100; {@code allowedCountries} to the number's own country ("*" = any). */
record AssignRequest(
        @NotBlank @Size(max = 64) String agentId,
        Integer dailyLimit,
        @Size(min = 1, max = 250) Set<String> allowedCountries) {
}
