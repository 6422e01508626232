package io.switchboard.api.query;

import java.util.List;

/**
 * One page of a list. {@code nextCursor} is opaque: pass it back as {@code cursor} with the same sort and filters
 * to get the following page; it is null on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {
}
