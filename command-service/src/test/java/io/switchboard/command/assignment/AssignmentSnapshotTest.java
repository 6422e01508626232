package io.switchboard.command.assignment;

import io.switchboard.api.assignment.CountCall;
import io.switchboard.api.common.Role;
import io.switchboard.command.CommandServiceApplication;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.testing.clock.ClockSensitiveTest;
import io.switchboard.testing.clock.TestClock;
import io.switchboard.testing.clock.TestClockConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = {CommandServiceApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssignmentSnapshotTest {

    /** A number of its own for each run of the test: an org holds it until released (R4). */
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(1234);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HttpClientSupport.serviceWithoutKafka(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    @ClockSensitiveTest
    @DisplayName("a long call history is not replayed: the Assignment loads from a snapshot plus fewer than 100 events, and keeps counting right")
    void longHistoriesLoadFromASnapshot() {
        String org = "org-" + UUID.randomUUID();
        String alice = token(org, "alice", Role.MEMBER);
        HttpClientSupport http = new HttpClientSupport(port);
        String agentId = http.send("POST", "/api/v1/agents", alice, "{\"name\":\"Marathon\"}").body().get("id").asText();
        String e164 = "+1650253" + NEXT_NUMBER.getAndIncrement();
        String numberId = http.send("POST", "/api/v1/phone-numbers", alice,
                "{\"number\":\"" + e164 + "\",\"provider\":\"sip\"}").body().get("id").asText();
        String assignmentId = http.send("POST", "/api/v1/phone-numbers/" + numberId + "/assign", alice,
                "{\"agentId\":\"" + agentId + "\",\"dailyLimit\":1000}").body().get("id").asText();

        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString(); // an org without a policy
        for (int i = 1; i <= 250; i++) {
            commands.sendAndWait(new CountCall(assignmentId, org, "long-" + i, agentId, "+12025550123", "US", today,
                    true));
        }

        Long snapshotAt = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class,
                assignmentId);
        assertThat(snapshotAt).as("the latest snapshot lies deep in the history").isGreaterThan(150);
        assertThat(eventStore.readEvents(assignmentId).asStream().count()).as("events read to load it").isLessThan(100);
        HttpClientSupport.Reply next = http.send("POST", "/api/v1/calls", alice,
                "{\"callId\":\"long-251\",\"destination\":\"+12025550123\",\"fromNumber\":\"" + e164 + "\"}");
        assertThat(next.body().get("day").asText()).isEqualTo(today);
        assertThat(next.body().get("callsThatDay").asInt()).isEqualTo(251);
    }
}
