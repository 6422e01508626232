package io.switchboard.query.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The sort keys of one list, the default one, and the unique id column that breaks ties between equal keys. */
public record Sorting<T>(String idColumn, Function<T, String> idOf, String defaultKey, List<SortKey<T>> keys) {

    public Optional<SortKey<T>> key(String name) {
        return keys.stream().filter(key -> key.name().equals(name)).findFirst();
    }

    public List<String> keyNames() {
        return keys.stream().map(SortKey::name).toList();
    }
}
