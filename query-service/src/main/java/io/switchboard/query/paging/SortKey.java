package io.switchboard.query.paging;

import java.util.function.Function;

/**
 * A key a list can be sorted by: its name in {@code sort=}, its SQL expression (never null, so that the keyset
 * comparison sees every row), and how a row's value of it is read back for the cursor.
 */
public record SortKey<T>(String name, String expression, KeyType type, Function<T, String> valueOf) {
}
