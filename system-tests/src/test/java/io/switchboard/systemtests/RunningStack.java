package io.switchboard.systemtests;

import io.switchboard.api.common.Role;
import io.switchboard.infra.Stack;
import io.switchboard.infra.TwilioStandIn;
import io.switchboard.infra.Workspace;
import io.switchboard.support.identity.DevTokens;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stack for all system tests of a run, started the way {@code ./switchboard up} starts it (real PostgreSQL,
 * the Kafka broker and both services as their own processes) and stopped when the test JVM exits: starting it
 * takes most of a system test's time. JUnit Jupiter tests start it with {@code @ExtendWith}, others (jqwik
 * properties) with {@link #ensureStarted()}. The command service talks to a Twilio stand-in, not to Twilio.
 */
final class RunningStack implements BeforeAllCallback {

    private static final AtomicInteger NUMBERS = new AtomicInteger(new Random().nextInt(1_000_000) * 7);
    private static RunningStack running;

    private final Workspace workspace;
    private final Stack stack;

    private RunningStack(Workspace workspace, Stack stack) {
        this.workspace = workspace;
        this.stack = stack;
    }

    /** For {@code @ExtendWith}: JUnit needs an instance; the running stack itself is per run. */
    RunningStack() {
        this.workspace = null;
        this.stack = null;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted();
    }

    static synchronized void ensureStarted() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running.stack::close, "stop-switchboard-stack"));
        }
    }

    static Stack stack() {
        return running.stack;
    }

    static Workspace workspace() {
        return running.workspace;
    }

    static String token(String org, String user, Role... roles) {
        return DevTokens.mint(running.workspace.secret(), user, org, List.of(roles), Instant.now(),
                Duration.ofMinutes(30));
    }

    /** The events in the command service's store: what a refused request must leave unchanged. */
    static long eventCount() {
        try (Connection connection = DriverManager.getConnection(running.stack.databaseUrl());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM command.domain_event_entry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the stored events", e);
        }
    }

    /**
     * A wait for what trails a commit (publication to Kafka, the read models), named {@code what} so that a
     * timeout says what did not happen. Each check reads the whole topic or asks a service: twice a second is enough.
     */
    static ConditionFactory eventually(String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500));
    }

    /** A valid US number no other system test uses (they all draw here). */
    static String freshUsNumber() {
        return "+1202" + (2_000_000 + NUMBERS.getAndIncrement());
    }

    private static RunningStack start() {
        try {
            Workspace workspace = new Workspace(Files.createTempDirectory("switchboard-it"));
            TwilioStandIn twilio = TwilioStandIn.start(0, TwilioStandIn.Options.defaults());
            Stack stack = Stack.start(new Stack.Options(Path.of("..").toAbsolutePath().normalize(), workspace,
                    freePort(), freePort(), freePort(), freePort(), null, twilio.url()));
            return new RunningStack(workspace, stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
