package io.switchboard.infra;

import io.switchboard.api.common.Role;
import io.switchboard.support.identity.DevTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local operator's command line: {@code up} runs the whole stack in the foreground until Ctrl-C,
 * {@code down} stops a stack started elsewhere, {@code token} prints a development bearer token.
 */
public final class Switchboard {

    private Switchboard() {
    }

    public static void main(String[] args) throws InterruptedException {
        String verb = args.length == 0 ? "up" : args[0];
        Map<String, String> options = options(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        Workspace workspace = new Workspace(home().resolve(".switchboard"));
        switch (verb) {
            case "up" -> up(workspace, options);
            case "down" -> down(workspace);
            case "token" -> System.out.println(token(workspace, options));
            case "rebuild" -> Rebuild.main(Arrays.copyOfRange(args, 1, args.length));
            default -> {
                System.err.println("usage: switchboard up [--command-port 8080] [--query-port 8081] "
                        + "[--postgres-port 15432] [--kafka-port 19092] [--twilio-stand-in 18090] | down | token --org ORG --user USER [--roles MEMBER,ORG_ADMIN]");
                System.exit(2);
            }
        }
    }

    private static void up(Workspace workspace, Map<String, String> options) throws InterruptedException {
        TwilioStandIn twilio = options.containsKey("twilio-stand-in")
                ? TwilioStandIn.start(port(options, "twilio-stand-in", 18090), TwilioStandIn.Options.defaults()) : null;
        Stack.Options stackOptions = new Stack.Options(home(), workspace,
                port(options, "postgres-port", 15432), port(options, "kafka-port", 19092),
                port(options, "command-port", 8080),
                port(options, "query-port", 8081), externalDatabase().orElse(null),
                twilio == null ? null : twilio.url());
        System.out.println("Starting Switchboard (PostgreSQL, Kafka, command service, query service)...");
        Stack stack = Stack.start(stackOptions);
        writePid(workspace);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping Switchboard...");
            stack.close();
            if (twilio != null) {
                twilio.close();
            }
            deletePid(workspace);
            System.out.println("Switchboard stopped.");
        }));
        printWelcome(stack, workspace);
        if (twilio != null) {
            System.out.printf("Twilio stand-in  %s   (account SID %s, auth token %s; %d numbers)%n%n", twilio.url(),
                    TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN, TwilioStandIn.Options.defaults().numbers());
        }
        while (!stopping.get() && stack.services().stream().allMatch(ServiceProcess::isAlive)) {
            Thread.sleep(500);
        }
        if (!stopping.get()) {
            stack.services().stream().filter(service -> !service.isAlive()).forEach(service ->
                    System.err.println(service.name() + " stopped unexpectedly; see " + service.log()));
            System.exit(1);
        }
    }

    private static void printWelcome(Stack stack, Workspace workspace) {
        System.out.printf("""

                Switchboard is up.
                  command service  %s   (OpenAPI: %s/v3/api-docs)
                  query service    %s   (OpenAPI: %s/v3/api-docs)
                  PostgreSQL       %s
                  Kafka            %s   (topics switchboard.*; see docs/events.md)
                  logs             %s

                Get a token:  ./switchboard token --org acme --user alice --roles MEMBER
                Stop:         Ctrl-C here, or ./switchboard down
                %n""", stack.commandUrl(), stack.commandUrl(), stack.queryUrl(), stack.queryUrl(),
                stack.databaseUrl(), stack.kafkaBootstrapServers(), workspace.root().resolve("logs"));
    }

    private static void down(Workspace workspace) throws InterruptedException {
        Optional<ProcessHandle> running = readPid(workspace).flatMap(ProcessHandle::of);
        if (running.isEmpty()) {
            System.out.println("No Switchboard stack is running.");
            deletePid(workspace);
            return;
        }
        running.get().destroy();
        while (running.get().isAlive()) {
            Thread.sleep(200);
        }
        System.out.println("Switchboard stopped.");
    }

    static String token(Workspace workspace, Map<String, String> options) {
        String org = required(options, "org");
        String user = required(options, "user");
        List<Role> roles = Arrays.stream(options.getOrDefault("roles", "MEMBER").split(","))
                .map(role -> Role.valueOf(role.trim().toUpperCase(Locale.ROOT))).toList();
        Duration validFor = Duration.ofMinutes(Long.parseLong(options.getOrDefault("ttl-minutes", "60")));
        return DevTokens.mint(workspace.secret(), user, org, roles, Instant.now(), validFor);
    }

    private static Optional<Stack.ExternalDatabase> externalDatabase() {
        String url = System.getenv("SWITCHBOARD_DATABASE_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Stack.ExternalDatabase(url,
                System.getenv().getOrDefault("SWITCHBOARD_DATABASE_USER", "postgres"),
                System.getenv().getOrDefault("SWITCHBOARD_DATABASE_PASSWORD", "")));
    }

    private static Path home() {
        return Path.of(System.getProperty("switchboard.home", ".")).toAbsolutePath().normalize();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int port(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private static void writePid(Workspace workspace) {
        try {
            Files.writeString(workspace.pidFile(), String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> readPid(Workspace workspace) {
        try {
            return Files.exists(workspace.pidFile())
                    ? Optional.of(Long.parseLong(Files.readString(workspace.pidFile()).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deletePid(Workspace workspace) {
        try {
            Files.deleteIfExists(workspace.pidFile());
        } catch (IOException ignored) {
            // nothing to clean up then
        }
    }
}
