package io.switchboard.command.bulk;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.support.web.ApiException;
import org.springframework.http.HttpStatus;

/** SPEC §6: a bulk import has at least one row and at most {@value #MAX}; outside that, nothing is written. */
final class RowCount {

    static final int MAX = 10_000;

    private RowCount() {
    }

    static void requireRoomFor(int rows) {
        if (rows > MAX) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.TOO_MANY_ROWS,
                    "a bulk import has at most " + MAX + " rows; send the rest in another request");
        }
    }

    static void requireSome(int rows) {
        if (rows == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "the request has no rows to import");
        }
    }
}
