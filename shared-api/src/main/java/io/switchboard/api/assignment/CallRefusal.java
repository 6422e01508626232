package io.switchboard.api.assignment;

/** R15: why a call was not counted. */
public enum CallRefusal {
    DAILY_LIMIT_REACHED, COUNTRY_NOT_ALLOWED, NUMBER_INACTIVE, NOT_ASSIGNED, AGENT_MISMATCH
}
