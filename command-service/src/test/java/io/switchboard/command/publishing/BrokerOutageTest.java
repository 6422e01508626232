package io.switchboard.command.publishing;

import io.switchboard.api.common.Role;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.command.api.ServiceInstance;
import io.switchboard.infra.LocalKafka;
import io.switchboard.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker goes away under a steady stream of commands and comes back: nothing acknowledged is lost. */
class BrokerOutageTest {

    @Test
    @DisplayName("broker outage: commands keep succeeding; afterwards the topic holds exactly the stored events, in order per aggregate")
    void outageLosesNothing() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(Files.createTempDirectory("kafka"), EventStreamTest.freePort(),
                EventStreamTest.freePort());
             ServiceInstance service = ServiceInstance.start(
                     TestDatabase.newDatabase("outage_" + UUID.randomUUID().toString().replace("-", "")),
                     TestDatabase.user(), TestDatabase.password(), kafka.bootstrapServers())) {
            CommandStream commands = new CommandStream(service.http());
            Thread stream = new Thread(commands);
            stream.start();
            try {
                commands.awaitAccepted(20, "with the broker up");
                kafka.stop();
                commands.awaitAccepted(100, "while the broker is down");
                kafka.start();
                commands.awaitAccepted(20, "after the broker came back");
            } finally {
                commands.stop();
                stream.join();
            }

            assertThat(commands.failures).as("commands answered while the broker was down").isEmpty();
            Set<String> stored = Set.copyOf(service.bean(JdbcTemplate.class)
                    .queryForList("SELECT event_identifier FROM domain_event_entry", String.class));
            List<TopicReader.Published> published = TopicReader.readUntilSatisfied(kafka.bootstrapServers(), read -> {
                Set<String> missing = new HashSet<>(stored);
                missing.removeAll(ids(read));
                assertThat(missing).as("stored events not on the topic yet").isEmpty();
            }, Duration.ofSeconds(150));

            assertThat(ids(published)).isEqualTo(stored);
            assertDuplicatesAreRedeliveries(published);
            assertOrderPerAggregate(published);
        }
    }

    private static Set<String> ids(List<TopicReader.Published> records) {
        return records.stream().map(TopicReader.Published::id).collect(Collectors.toSet());
    }

    private static void assertDuplicatesAreRedeliveries(List<TopicReader.Published> published) {
        Map<String, TopicReader.Published> firstById = new HashMap<>();
        for (TopicReader.Published record : published) {
            TopicReader.Published first = firstById.putIfAbsent(record.id(), record);
            if (first != null) {
                assertThat(record.event()).as("a duplicate is the same event again").isEqualTo(first.event());
            }
        }
    }

    /** After dropping repeated ids, every aggregate's events arrive as 0, 1, 2, ... */
    private static void assertOrderPerAggregate(List<TopicReader.Published> published) {
        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (TopicReader.Published record : published) {
            if (seen.add(record.id())) {
                sequences.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.sequence());
            }
        }
        sequences.forEach((aggregate, order) -> {
            for (int i = 0; i < order.size(); i++) {
                assertThat(order.get(i)).as("event %d of %s", i, aggregate).isEqualTo(i);
            }
        });
    }

    /** Registers agents and renames them, one command after the other, from one client, until stopped. */
    private static final class CommandStream implements Runnable {
        private final HttpClientSupport http;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger accepted = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

        CommandStream(HttpClientSupport http) {
            this.http = http;
        }

        void stop() {
            running.set(false);
        }

        /** The outage is measured in commands, not time: waits until {@code count} more were accepted. */
        void awaitAccepted(int count, String when) {
            int target = accepted.get() + count;
            await(count + " more commands accepted " + when).atMost(Duration.ofSeconds(60))
                    .failFast(() -> assertThat(failures).as("commands refused").isEmpty())
                    .until(accepted::get, done -> done >= target);
        }

        @Override
        public void run() {
            String token = HttpClientSupport.token("outage-org", "alice", Role.MEMBER);
            List<String> agents = new ArrayList<>();
            for (int i = 0; running.get(); i++) {
                HttpClientSupport.Reply reply = i % 3 == 0 || agents.isEmpty()
                        ? http.send("POST", "/api/v1/agents", token, "{\"name\":\"agent " + i + "\"}")
                        : http.send("PATCH", "/api/v1/agents/" + agents.get(i % agents.size()), token,
                        "{\"name\":\"name " + i + "\"}");
                if (reply.status() / 100 != 2) {
                    failures.add(reply.status() + " " + reply.raw().body());
                } else {
                    accepted.incrementAndGet();
                    if (reply.status() == 201) {
                        agents.add(reply.body().get("id").asText());
                    }
                }
            }
        }
    }
}
