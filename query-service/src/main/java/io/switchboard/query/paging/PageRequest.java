package io.switchboard.query.paging;

/** Which page of a list: in which order, after which row (null for the first page), and how many rows. */
public record PageRequest<T>(Sorting<T> sorting, SortKey<T> key, boolean descending, Cursor after, int limit) {
}
