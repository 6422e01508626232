package io.switchboard.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The folder a local stack keeps between runs ({@code .switchboard/} in the checkout): PostgreSQL's and Kafka's
 * data, the services' logs, the development signing secret and the development key provider credentials are
 * encrypted with (each created once, readable only by its owner).
 */
public record Workspace(Path root) {

    Path postgresData() {
        return root.resolve("postgres");
    }

    Path kafkaData() {
        return root.resolve("kafka");
    }

    Path log(String name) {
        return root.resolve("logs").resolve(name + ".log");
    }

    Path pidFile() {
        return root.resolve("stack.pid");
    }

    public String secret() {
        return generated("jwt-secret", 48, Base64.getUrlEncoder().withoutPadding());
    }

    /** The id of the development key provider credentials are encrypted with ({@link #credentialsKey()}). */
    public static final String CREDENTIALS_KEY_ID = "local";

    /**
     * The development AES-256 key provider credentials are encrypted with: base64 of 32 random bytes, created once
     * (readable only by its owner) and kept, so that a restarted stack still decrypts what it stored.
     */
    public String credentialsKey() {
        return generated("credentials-key", 32, Base64.getEncoder());
    }

    /** The password of the local PostgreSQL login the services serve as ({@link LocalPostgres#SERVICE_LOGIN}). */
    public String databasePassword() {
        return generated("database-password", 24, Base64.getUrlEncoder().withoutPadding());
    }

    /** Random bytes, encoded, created once in a file only its owner may read, and kept across restarts. */
    private String generated(String name, int bytes, Base64.Encoder encoder) {
        Path file = root.resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(root);
                byte[] random = new byte[bytes];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, encoder.encodeToString(random));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
