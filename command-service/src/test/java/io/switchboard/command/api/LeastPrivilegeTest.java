package io.switchboard.command.api;

import io.switchboard.api.common.Role;
import io.switchboard.command.CommandServiceApplication;
import io.switchboard.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * §6: the command service on a database of its own, migrated by the owner (the server's superuser here), serving as
 * a login that is only a member of switchboard_service: it works, and it cannot change the event history.
 */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeastPrivilegeTest {

    private static final String SERVICE_LOGIN = "command_service_test";
    private static final String SERVICE_PASSWORD = "service-login-password";
    private static String url;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HttpClientSupport.serviceWithoutKafka(registry);
        // the embedded server's URL names its superuser; the service logs in as itself
        url = TestDatabase.newDatabase("least_privilege_" + UUID.randomUUID().toString().replace("-", ""))
                .replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        asOwner("""
                DO $$ BEGIN
                    CREATE ROLE switchboard_service NOLOGIN;
                EXCEPTION WHEN duplicate_object THEN NULL;
                END $$;
                DO $$ BEGIN
                    CREATE ROLE %1$s LOGIN PASSWORD '%2$s' IN ROLE switchboard_service;
                EXCEPTION WHEN duplicate_object THEN NULL;
                END $$""".formatted(SERVICE_LOGIN, SERVICE_PASSWORD));
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> SERVICE_LOGIN);
        registry.add("spring.datasource.password", () -> SERVICE_PASSWORD);
        registry.add("spring.flyway.url", () -> url);
        registry.add("spring.flyway.user", TestDatabase::user);
        registry.add("spring.flyway.password", TestDatabase::password);
    }

    @Test
    @DisplayName("§6: as a member of switchboard_service the service imports, registers and assigns (its grants suffice)")
    void theServiceRoleServes() {
        HttpClientSupport http = new HttpClientSupport(port);
        String alice = HttpClientSupport.token(UUID.randomUUID().toString(), "alice", Role.MEMBER);

        HttpClientSupport.Reply agent = http.send("POST", "/api/v1/agents", alice, "{\"name\":\"Least\"}");
        HttpClientSupport.Reply number = http.send("POST", "/api/v1/phone-numbers", alice,
                "{\"number\":\"" + CommandApiTest.freshNumber() + "\",\"provider\":\"sip\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        HttpClientSupport.Reply assigned = http.send("POST", "/api/v1/phone-numbers/" + number.body().get("id").asText()
                + "/assign", alice, "{\"agentId\":\"" + agent.body().get("id").asText() + "\"}");

        assertThat(agent.status()).as(agent.raw().body()).isEqualTo(201);
        assertThat(number.status()).as(number.raw().body()).isEqualTo(201);
        assertThat(assigned.status()).as(assigned.raw().body()).isEqualTo(201);
    }

    @Test
    @DisplayName("§6: the service role cannot UPDATE, DELETE or TRUNCATE an event: permission denied")
    void theServiceRoleCannotChangeHistory() throws SQLException {
        theServiceRoleServes();
        try (Connection service = DriverManager.getConnection(url, SERVICE_LOGIN, SERVICE_PASSWORD);
             Statement statement = service.createStatement()) {
            for (String change : new String[]{"UPDATE command.domain_event_entry SET type = 'tampered'",
                    "DELETE FROM command.domain_event_entry", "TRUNCATE command.domain_event_entry"}) {
                assertThatThrownBy(() -> statement.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
            ResultSet tampered = statement.executeQuery(
                    "SELECT count(*) FROM command.domain_event_entry WHERE type = 'tampered'");
            tampered.next();
            assertThat(tampered.getLong(1)).isZero();
        }
    }

    @Test
    @DisplayName("§6: even the owner's UPDATE, DELETE or TRUNCATE of an event is refused by the append-only trigger")
    void theTriggerRefusesTheOwnerToo() {
        theServiceRoleServes();
        for (String change : new String[]{"UPDATE command.domain_event_entry SET type = 'tampered'",
                "DELETE FROM command.domain_event_entry", "TRUNCATE command.domain_event_entry"}) {
            assertThatThrownBy(() -> asOwner(change)).as(change).hasStackTraceContaining("append-only");
        }
    }

    private static void asOwner(String sql) {
        try (Connection owner = DriverManager.getConnection(url == null ? TestDatabase.url() : url,
                TestDatabase.user(), TestDatabase.password());
             Statement statement = owner.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
