package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.common.Role;
import io.switchboard.api.stream.CloudEventAttributes;
import io.switchboard.systemtests.Http.Reply;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §4, §6: "no secret is ever in an event, on Kafka, in a log line or in an HTTP reply", checked the hard
 * way. A whole flow runs with known secrets (provider accounts, a number naming one, an assignment, a call, bad
 * requests that carry the secrets, removal), then every table of the database, every record of every Kafka
 * topic, the services' log files and every file the stack keeps are searched for them: no hit anywhere. The same
 * search finds a known non-secret value (the accounts' label) in each place it must be, so it cannot pass by
 * searching nothing.
 */
@ExtendWith(RunningStack.class)
class SecretSearchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNTS = "/api/v1/provider-accounts";
    /** How much each search read, printed at the end, so a run shows it searched something. */
    private static final Map<String, Long> SEARCHED = new LinkedHashMap<>();

    private static String random(String prefix) {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private static Reply command(String method, String path, String token, String body) {
        return Http.call(method, RunningStack.stack().commandUrl() + path, token, body);
    }

    @Test
    @DisplayName("§6: no provider secret, nor the provider's account SID, is in any table, Kafka record, log file or stored file")
    void secretsAreNowhere() throws Exception {
        String org = "secrets-" + UUID.randomUUID();
        String admin = RunningStack.token(org, "carol", Role.ORG_ADMIN);
        String alice = RunningStack.token(org, "alice", Role.MEMBER);
        String dialer = RunningStack.token(org, "dialer", Role.SERVICE);
        String label = random("Label-");
        String token = random("sk_live_");
        String sid = random("AC");
        String apiKey = random("SK");
        String apiSecret = random("sk_live_");
        String otherSid = random("AC");
        List<String> secrets = List.of(token, sid, apiKey, apiSecret, otherSid);

        // two accounts, one with a token, one with an API key and secret
        Reply account = command("POST", ACCOUNTS, admin, "{\"provider\":\"twilio\",\"providerAccountId\":\"" + sid
                + "\",\"token\":\"" + token + "\",\"label\":\"" + label + "\"}");
        assertThat(account.status()).as(account.raw()).isEqualTo(201);
        String accountId = account.id();
        Reply keyed = command("POST", ACCOUNTS, admin, "{\"provider\":\"telnyx\",\"providerAccountId\":\"" + otherSid
                + "\",\"apiKey\":\"" + apiKey + "\",\"apiSecret\":\"" + apiSecret + "\",\"label\":\"" + label + "\"}");
        assertThat(keyed.status()).as(keyed.raw()).isEqualTo(201);

        // requests that carry the secrets and are refused
        assertThat(command("POST", ACCOUNTS, admin, "{\"provider\":\"twilio\",\"providerAccountId\":\"" + sid
                + "\",\"token\":\"" + token + "\",\"apiKey\":\"" + apiKey + "\"}").status()).isEqualTo(400);
        assertThat(command("POST", ACCOUNTS, admin, "{\"provider\":\"twilio\",\"providerAccountId\":\"" + sid
                + "\",\"token\":\"" + token + "\",\"label\":\"" + "x".repeat(80) + "\"}").status()).isEqualTo(400);
        assertThat(command("POST", ACCOUNTS, admin, "{\"provider\":\"twilio\",\"providerAccountId\":\"" + sid
                + "\",\"token\":\"" + token + "\",\"secret\":\"" + apiSecret + "\"}").status()).isEqualTo(400);
        assertThat(command("POST", ACCOUNTS, alice, "{\"provider\":\"twilio\",\"providerAccountId\":\"" + sid
                + "\",\"token\":\"" + token + "\"}").status()).isEqualTo(403);
        assertThat(command("POST", "/api/v1/phone-numbers", alice, "{\"number\":\"" + RunningStack.freshUsNumber()
                + "\",\"provider\":\"twilio\",\"credentialRef\":\"" + token + "\"}").status()).isEqualTo(404);

        // the account in use: a number naming it, assigned, called from, then all of it taken down
        String agentId = command("POST", "/api/v1/agents", alice, "{\"name\":\"Secret search bot\"}").id();
        Reply imported = command("POST", "/api/v1/phone-numbers", alice, "{\"number\":\"" + RunningStack.freshUsNumber()
                + "\",\"provider\":\"twilio\",\"label\":\"" + label + "\",\"credentialRef\":\"" + accountId + "\"}");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        String numberId = imported.id();
        Reply assigned = command("POST", "/api/v1/phone-numbers/" + numberId + "/assign", alice,
                "{\"agentId\":\"" + agentId + "\"}");
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(201);
        String assignmentId = assigned.id();
        Reply call = command("POST", "/api/v1/calls", dialer, "{\"callId\":\"" + UUID.randomUUID()
                + "\",\"destination\":\"+12022345678\",\"agentId\":\"" + agentId + "\"}");
        assertThat(call.status()).as(call.raw()).isEqualTo(200);

        Reply shown = command("GET", ACCOUNTS + "/" + accountId, admin, null);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body().get("token").asText()).isEqualTo("••••" + token.substring(token.length() - 4));
        assertThat(command("GET", ACCOUNTS, admin, null).body().get("items")).hasSize(2);
        Reply rotation = command("POST", "/api/v1/admin/provider-accounts/reencrypt",
                RunningStack.token(org, "ops", Role.PLATFORM_ADMIN), null);
        assertThat(rotation.status()).as(rotation.raw()).isEqualTo(200);

        assertThat(command("POST", "/api/v1/phone-numbers/" + numberId + "/unassign", alice, null).status())
                .isEqualTo(200);
        assertThat(command("DELETE", "/api/v1/phone-numbers/" + numberId, alice, null).status()).isEqualTo(200);
        assertThat(command("DELETE", ACCOUNTS + "/" + keyed.id(), admin, null).status()).isEqualTo(200);
        Reply removed = command("DELETE", ACCOUNTS + "/" + accountId, admin, null);
        assertThat(removed.status()).isEqualTo(200);

        awaitReadModels(alice, removed.position());
        Set<String> ours = Set.of(accountId, keyed.id(), numberId, agentId, assignmentId);
        awaitKafka(ours);

        Map<String, List<String>> database = searchDatabase(secrets, label);
        Map<String, List<String>> kafka = searchKafka(secrets, label);
        Map<String, List<String>> logs = searchFiles(RunningStack.workspace().root().resolve("logs"), secrets,
                "CommandServiceApplication", "QueryServiceApplication");
        Map<String, List<String>> stored = searchFiles(RunningStack.workspace().root(), secrets, label);
        System.out.println("secret search: " + SEARCHED);

        for (String secret : secrets) {
            assertThat(database.get(secret)).as("database rows holding a secret").isEmpty();
            assertThat(kafka.get(secret)).as("Kafka records holding a secret").isEmpty();
            assertThat(logs.get(secret)).as("log files holding a secret").isEmpty();
            assertThat(stored.get(secret)).as("files of the stack holding a secret").isEmpty();
        }
        // the same searches find what they must: the search works
        assertThat(database.get(label)).as("the label in the event store").anyMatch(hit -> hit.startsWith("command.domain_event_entry"));
        assertThat(database.get(label)).as("the label in the read model").anyMatch(hit -> hit.startsWith("query."));
        assertThat(kafka.get(label)).as("the label on Kafka").anyMatch(hit -> hit.startsWith(CloudEventAttributes.TOPIC));
        assertThat(logs.get("CommandServiceApplication")).as("the command service's log").isNotEmpty();
        assertThat(logs.get("QueryServiceApplication")).as("the query service's log").isNotEmpty();
        assertThat(stored.get(label)).as("the label in the stack's files").isNotEmpty();
    }

    /** The query service has applied everything up to {@code position} (X-Min-Position waits, bounded, then 503). */
    private static void awaitReadModels(String token, long position) {
        RunningStack.eventually("read models caught up with position " + position).untilAsserted(() -> {
            Reply reply = Http.call("GET", RunningStack.stack().queryUrl() + "/api/v1/phone-numbers", token, null,
                    "X-Min-Position", String.valueOf(position));
            assertThat(reply.status()).as("GET /api/v1/phone-numbers at position " + position + ": " + reply.raw())
                    .isEqualTo(200);
        });
    }

    /** Every event of these aggregates is on the topic. */
    private static void awaitKafka(Set<String> aggregateIds) throws SQLException {
        Set<String> stored = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(RunningStack.stack().databaseUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT aggregate_identifier, event_identifier"
                     + " FROM command.domain_event_entry")) {
            while (rows.next()) {
                if (aggregateIds.contains(rows.getString(1))) {
                    stored.add(rows.getString(2));
                }
            }
        }
        RunningStack.eventually("all of the flow's " + stored.size() + " events published").untilAsserted(() -> {
            Set<String> unpublished = new HashSet<>(stored);
            readTopics(record -> {
                if (record.topic().equals(CloudEventAttributes.TOPIC)) {
                    try {
                        JsonNode event = JSON.readTree(record.value());
                        unpublished.remove(event.path(CloudEventAttributes.ID).asText());
                    } catch (IOException notAnEvent) {
                        // not ours to judge here
                    }
                }
            });
            assertThat(unpublished).as("the flow's events not on " + CloudEventAttributes.TOPIC).isEmpty();
        });
    }

    /** Every row of every table of every schema of the database (PostgreSQL's own catalogs aside), all columns as text; bytea as its bytes. */
    private static Map<String, List<String>> searchDatabase(List<String> secrets, String known) throws SQLException {
        Map<String, List<String>> hits = emptyHits(secrets, known);
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(RunningStack.stack().databaseUrl())) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
                         + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                         + " AND table_schema NOT LIKE 'pg_toast%'")) {
                while (rows.next()) {
                    tables.add("\"" + rows.getString(1) + "\".\"" + rows.getString(2) + "\"");
                }
            }
            tables.add("pg_catalog.pg_largeobject");
            assertThat(tables).anyMatch(table -> table.contains("provider_credential"))
                    .anyMatch(table -> table.contains("domain_event_entry"))
                    .anyMatch(table -> table.contains("\"query\""));
            SEARCHED.put("database tables", (long) tables.size());
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    long row = 0;
                    while (rows.next()) {
                        row++;
                        SEARCHED.merge("database rows", 1L, Long::sum);
                        for (int column = 1; column <= columns; column++) {
                            String text = "bytea".equals(rows.getMetaData().getColumnTypeName(column))
                                    ? bytesAsText(rows.getBytes(column)) : rows.getString(column);
                            String where = table.replace("\"", "") + " row " + row + " column "
                                    + rows.getMetaData().getColumnName(column);
                            record(hits, text, where);
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** Every record of every topic, from offset 0: key, value and headers. */
    private static Map<String, List<String>> searchKafka(List<String> secrets, String known) {
        Map<String, List<String>> hits = emptyHits(secrets, known);
        readTopics(record -> {
            String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            SEARCHED.merge("kafka records", 1L, Long::sum);
            record(hits, bytesAsText(record.key()), where + " key");
            record(hits, bytesAsText(record.value()), where + " value");
            for (Header header : record.headers()) {
                record(hits, header.key() + "=" + bytesAsText(header.value()), where + " header");
            }
        });
        return hits;
    }

    private static void readTopics(java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.stack().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.EXCLUDE_INTERNAL_TOPICS_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (List<PartitionInfo> topic : consumer.listTopics(Duration.ofSeconds(30)).values()) {
                topic.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            assertThat(partitions).anyMatch(partition -> partition.topic().equals(CloudEventAttributes.TOPIC));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            // the consumer is not thread-safe, and its poll is the wait
            await("every topic read to its end").atMost(Duration.ofSeconds(120)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ZERO).untilAsserted(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(each);
                        assertThat(ends).allSatisfy((partition, end) -> assertThat(consumer.position(partition))
                                .as("position in " + partition).isGreaterThanOrEqualTo(end));
                    });
        }
    }

    /** Every regular file under {@code root}, as bytes. */
    private static Map<String, List<String>> searchFiles(Path root, List<String> secrets, String... known) throws IOException {
        Map<String, List<String>> hits = emptyHits(secrets, known);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("files under " + root).isNotEmpty();
        for (Path file : files) {
            try {
                byte[] content = Files.readAllBytes(file);
                SEARCHED.merge("files under " + root.getFileName(), 1L, Long::sum);
                SEARCHED.merge("bytes under " + root.getFileName(), (long) content.length, Long::sum);
                record(hits, bytesAsText(content), root.relativize(file).toString());
            } catch (NoSuchFileException goneMeanwhile) {
                // a temporary file of PostgreSQL or Kafka
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hits;
    }

    private static Map<String, List<String>> emptyHits(List<String> secrets, String... known) {
        Map<String, List<String>> hits = new LinkedHashMap<>();
        secrets.forEach(secret -> hits.put(secret, new ArrayList<>()));
        for (String value : known) {
            hits.put(value, new ArrayList<>());
        }
        return hits;
    }

    private static void record(Map<String, List<String>> hits, String text, String where) {
        if (text == null) {
            return;
        }
        hits.forEach((needle, found) -> {
            if (text.contains(needle)) {
                found.add(where);
            }
        });
    }

    /** One char per byte: an ASCII needle is found wherever its bytes are, whatever surrounds them. */
    private static String bytesAsText(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
