package io.switchboard.query.number;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.switchboard.api.query.PhoneNumberView;

/**
 * One number as {@code GET /phone-numbers/{id}} shows it: the fields of {@link PhoneNumberView}, and for its
 * current assignment the calls counted on the org-local today (R17) and how many more it may count; both null
 * while the number is not assigned.
 */
public record PhoneNumberDetail(@JsonUnwrapped PhoneNumberView number, Integer callsToday, Integer remainingToday) {
}
