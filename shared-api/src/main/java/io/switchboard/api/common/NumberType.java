package io.switchboard.api.common;

/** Kind of line, as libphonenumber derives it from the number. */
public enum NumberType {
    FIXED_LINE, MOBILE, FIXED_LINE_OR_MOBILE, TOLL_FREE, PREMIUM_RATE, SHARED_COST, VOIP, PERSONAL_NUMBER,
    PAGER, UAN, VOICEMAIL, UNKNOWN
}
