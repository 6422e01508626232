package io.switchboard.systemtests;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services' log files, read from where they ended when the fuzzer started. An ERROR a service logs meanwhile is
 * a failure its replies need not show: a 500 is one, but so is an event a read model failed to take.
 */
final class ServiceLogs {

    private static final int SHOWN_CAUSES = 3;
    /** How a log line starts, unlike the lines of a stack trace. */
    private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");

    private final Map<Path, Long> starts = new TreeMap<>();

    ServiceLogs(Path directory) {
        try (Stream<Path> logs = Files.list(directory)) {
            logs.filter(log -> log.toString().endsWith(".log")).forEach(log -> starts.put(log, size(log)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Each ERROR logged since, with the exception and causes its stack trace names. */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        starts.forEach((log, start) -> {
            List<String> lines = appended(log, start);
            for (int i = 0; i < lines.size(); i++) {
                if (LOG_LINE.matcher(lines.get(i)).lookingAt() && lines.get(i).contains(" ERROR ")) {
                    StringBuilder error = new StringBuilder(log.getFileName() + ": " + lines.get(i));
                    lines.subList(i + 1, lines.size()).stream().takeWhile(line -> !LOG_LINE.matcher(line).lookingAt())
                            .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                            .limit(SHOWN_CAUSES)
                            .forEach(cause -> error.append("\n    ").append(cause));
                    errors.add(error.toString());
                }
            }
        });
        return errors;
    }

    private static List<String> appended(Path log, long start) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] text = new byte[(int) Math.max(0, file.length() - start)];
            file.seek(start);
            file.readFully(text);
            return new String(text, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    private static long size(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
