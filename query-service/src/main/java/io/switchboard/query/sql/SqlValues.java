package io.switchboard.query.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Conversions between the values of events and replies and the column values of the read models. */
public final class SqlValues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<Set<String>> STRING_SET = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private SqlValues() {
    }

    /** PostgreSQL's driver binds OffsetDateTime as timestamptz, but not Instant. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** JSON for a jsonb column; null stays null. Sets are sorted so that equal sets store equal text. */
    public static String json(Object value) {
        if (value == null) {
            return null;
        }
        Object ordered = value instanceof Collection<?> collection ? new TreeSet<>(collection) : value;
        try {
            return JSON.writeValueAsString(ordered);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON: " + value.getClass(), e);
        }
    }

    public static Map<String, String> stringMap(String json) {
        return json == null ? Map.of() : read(json, STRING_MAP);
    }

    public static Set<String> stringSet(String json) {
        return json == null ? Set.of() : read(json, STRING_SET);
    }

    public static <E extends Enum<E>> Set<E> enumSet(Class<E> type, String json) {
        Set<E> values = EnumSet.noneOf(type);
        stringSet(json).forEach(name -> values.add(Enum.valueOf(type, name)));
        return values;
    }

    /** Counts by enum constant from a jsonb object of them; every constant is in the map, 0 when absent. */
    public static <E extends Enum<E>> Map<E, Integer> enumCounts(Class<E> type, String json) {
        Map<E, Integer> counts = new EnumMap<>(type);
        Map<String, Integer> stored = json == null ? Map.of() : read(json, COUNTS);
        for (E constant : type.getEnumConstants()) {
            counts.put(constant, stored.getOrDefault(constant.name(), 0));
        }
        return counts;
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a read model column holds JSON it did not write", e);
        }
    }
}
