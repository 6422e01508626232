package io.switchboard.consumers.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line options: {@code --name value} for the value options, {@code --name} alone for the flags. */
public final class Arguments {

    private final Map<String, String> values;
    private final Set<String> flags;

    private Arguments(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /** @throws IllegalArgumentException naming the first option that is unknown or lacks its value */
    public static Arguments parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (flagOptions.contains(name)) {
                flags.add(name);
            } else if (valueOptions.contains(name) && i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(valueOptions.contains(name)
                        ? "--" + name + " needs a value" : "unknown option " + args[i]);
            }
        }
        return new Arguments(values, flags);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** @throws IllegalArgumentException when the value is not a whole number of at least {@code minimum} */
    public int number(String name, int fallback, int minimum) {
        String value = values.get(name);
        try {
            int number = value == null ? fallback : Integer.parseInt(value);
            if (number < minimum) {
                throw new IllegalArgumentException("--" + name + " must be at least " + minimum);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
        }
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }
}
