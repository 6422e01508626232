package io.switchboard.query.paging;

import io.switchboard.api.query.Page;
import io.switchboard.query.sql.SqlQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * Keyset pagination, the one way every list pages: rows strictly after the cursor in (sort key, id) order. Unlike
 * an offset, a page stays correct while rows are added or removed before it. One row more than asked is read to
 * know whether a next page exists.
 */
public final class Keyset {

    private Keyset() {
    }

    /** Runs the query (adding the keyset condition to it) and answers the page with the cursor to the next one. */
    public static <T> Page<T> fetch(JdbcClient jdbc, SqlQuery query, PageRequest<T> page, RowMapper<T> rows) {
        SortKey<T> key = page.key();
        String idColumn = page.sorting().idColumn();
        if (page.after() != null) {
            query.where("(" + key.expression() + ", " + idColumn + ") " + (page.descending() ? "<" : ">")
                            + " (CAST(:afterValue AS " + key.type().sqlType() + "), :afterId)")
                    .bind("afterValue", page.after().value())
                    .bind("afterId", page.after().id());
        }
        String direction = page.descending() ? " DESC" : " ASC";
        String sql = query.sql() + " ORDER BY " + key.expression() + direction + ", " + idColumn + direction
                + " LIMIT " + (page.limit() + 1);
        List<T> found = jdbc.sql(sql).params(query.params()).query(rows).list();
        if (found.size() <= page.limit()) {
            return new Page<>(found, null);
        }
        List<T> items = List.copyOf(found.subList(0, page.limit()));
        T last = items.get(items.size() - 1);
        Cursor next = new Cursor(key.name(), page.descending(), key.valueOf().apply(last),
                page.sorting().idOf().apply(last));
        return new Page<>(items, next.encode());
    }
}
