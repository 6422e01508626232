package io.switchboard.command.assignment;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** R13: the whole new limit and country list. */
record LimitsRequest(
        @NotNull Integer dailyLimit,
        @NotEmpty @Size(max = 250) Set<String> allowedCountries) {
}
