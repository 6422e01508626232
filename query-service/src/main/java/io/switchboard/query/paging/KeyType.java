package io.switchboard.query.paging;

import java.time.Instant;
import java.util.function.UnaryOperator;

/** The SQL type of a sort key, and the check a cursor value of that type passes before it reaches SQL. */
public enum KeyType {
    TEXT("text", value -> value),
    TIMESTAMP("timestamptz", value -> Instant.parse(value).toString());

    private final String sqlType;
    private final UnaryOperator<String> check;

    KeyType(String sqlType, UnaryOperator<String> check) {
        this.sqlType = sqlType;
        this.check = check;
    }

    String sqlType() {
        return sqlType;
    }

    /** @throws RuntimeException when the value is not of this type */
    String checked(String value) {
        return check.apply(value);
    }
}
