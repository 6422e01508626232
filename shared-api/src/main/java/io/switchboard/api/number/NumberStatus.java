package io.switchboard.api.number;

/** R6: only ACTIVE numbers can be assigned or used for calls. */
public enum NumberStatus {
    ACTIVE, INACTIVE, ERROR
}
