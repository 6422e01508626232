package io.switchboard.command.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * R14: the caller's idempotency key ({@code callId}), the destination, and either the number to call from or the
 * agent (then Switchboard picks the number, R16). With both, the number must be the agent's.
 */
record CallRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be visible ASCII") String callId,
        @NotBlank @Size(max = 32) String destination,
        @Size(max = 32) String fromNumber,
        @Size(max = 64) String agentId) {
}
