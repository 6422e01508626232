package io.switchboard.query.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A SELECT built up condition by condition, with its named parameters. */
public final class SqlQuery {

    private final String select;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    public SqlQuery(String select) {
        this.select = select;
    }

    public SqlQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    public SqlQuery where(String condition, String param, Object value) {
        return where(condition).bind(param, value);
    }

    /** The condition only when the value is given: a filter the client did not set filters nothing. */
    public SqlQuery whereGiven(String condition, String param, Object value) {
        return value == null ? this : where(condition, param, value);
    }

    public SqlQuery bind(String param, Object value) {
        params.put(param, value instanceof Enum<?> constant ? constant.name() : value);
        return this;
    }

    public String sql() {
        return conditions.isEmpty() ? select : select + " WHERE " + String.join(" AND ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }
}
