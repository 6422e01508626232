package io.switchboard.command.bulk;

/** A row after the checks that need no database: either importable, or settled with its result already. */
sealed interface CheckedRow permits ImportableRow, SettledRow {

    /** The row's place in the request, from 0. */
    int index();
}
