package io.switchboard.api.query;

/** The agent a number is assigned to, as a reply shows it next to the number. */
public record AgentRef(String id, String name) {
}
