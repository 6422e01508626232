package io.switchboard.consumers.billing;

import io.switchboard.consumers.stream.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger together with the offsets it reflects (per partition, the next record to read). Both are written in
 * one file, replaced atomically, so after a crash the ledger never holds an event its offsets would read again,
 * nor misses one they have passed.
 */
record BillingState(Map<Integer, Long> offsets, BillingLedger.Snapshot ledger) {

    static BillingState empty() {
        return new BillingState(Map.of(), new BillingLedger().snapshot());
    }

    static Optional<BillingState> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), BillingState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the billing state " + file, e);
        }
    }

    void save(Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Json.MAPPER.writeValue(temporary.toFile(), this);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the billing state " + file, e);
        }
    }
}
