package io.switchboard.command.agent;

import io.switchboard.command.shared.Refusal;

/** R1: an agent's name is 1 to {@value #MAX_LENGTH} characters, not blank. */
final class AgentName {

    static final int MAX_LENGTH = 100;

    private AgentName() {
    }

    static String require(String name) {
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("name", "an agent needs a name");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw Refusal.invalid("name", "an agent's name has at most " + MAX_LENGTH + " characters");
        }
        return trimmed;
    }
}
