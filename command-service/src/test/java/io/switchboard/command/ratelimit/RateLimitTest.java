package io.switchboard.command.ratelimit;

import io.switchboard.api.common.Role;
import io.switchboard.command.CommandServiceApplication;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.command.api.HttpClientSupport.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * §6, abuse: a user may send 3 write requests, an org 5, and both refill by one an hour, so that no refill comes
 * within a test. Each test works in orgs of its own.
 */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "switchboard.rate-limits.per-principal.capacity=3",
                "switchboard.rate-limits.per-principal.refill-tokens=1",
                "switchboard.rate-limits.per-principal.refill-period=1h",
                "switchboard.rate-limits.per-org.capacity=5",
                "switchboard.rate-limits.per-org.refill-tokens=1",
                "switchboard.rate-limits.per-org.refill-period=1h"})
class RateLimitTest {

    private static final int PER_PRINCIPAL = 3;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HttpClientSupport.serviceWithoutKafka(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final String org = UUID.randomUUID().toString();

    private Reply registerAgent(String org, String user) {
        return new HttpClientSupport(port).send("POST", "/api/v1/agents", token(org, user, Role.ORG_ADMIN),
                "{\"name\":\"Agent " + UUID.randomUUID() + "\"}");
    }

    private void registerAgents(String org, String user, int count) {
        for (int i = 0; i < count; i++) {
            Reply reply = registerAgent(org, user);
            assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        }
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static void assertRateLimited(Reply reply, String who) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(429);
        assertThat(reply.code()).isEqualTo("RATE_LIMITED");
        assertThat(reply.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(reply.body().path("detail").asText()).startsWith(who);
        assertThat(reply.raw().headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
    }

    @Test
    @DisplayName("§6: a token over its write rate gets 429 RATE_LIMITED with Retry-After and writes nothing, calls"
            + " included")
    void principalOverItsRate() {
        registerAgents(org, "alice", PER_PRINCIPAL);
        long before = events();

        Reply agent = registerAgent(org, "alice");
        Reply call = new HttpClientSupport(port).send("POST", "/api/v1/calls", token(org, "alice", Role.ORG_ADMIN),
                "{\"callId\":\"" + UUID.randomUUID() + "\",\"destination\":\"+12025550123\","
                        + "\"fromNumber\":\"+12025550100\"}");

        assertRateLimited(agent, "this user");
        assertRateLimited(call, "this user");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("§6: another user of the same org is not limited by the first user's write rate")
    void otherUserOfTheOrgIsNotLimited() {
        registerAgents(org, "alice", PER_PRINCIPAL);
        assertRateLimited(registerAgent(org, "alice"), "this user");

        assertThat(registerAgent(org, "bob").status()).isEqualTo(201);
    }

    @Test
    @DisplayName("§6: the org's write rate caps all its users together; another org is not limited by it")
    void orgRateCapsItsUsersTogether() {
        registerAgents(org, "alice", PER_PRINCIPAL);
        registerAgents(org, "bob", 2);
        long before = events();

        Reply bobsThird = registerAgent(org, "bob");
        Reply carolsFirst = registerAgent(org, "carol");
        Reply otherOrg = registerAgent(UUID.randomUUID().toString(), "dave");

        assertRateLimited(bobsThird, "this organization");
        assertRateLimited(carolsFirst, "this organization");
        assertThat(otherOrg.status()).isEqualTo(201);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("§6: reads are not rate limited: a token over its write rate still reads")
    void readsAreNotLimited() {
        registerAgents(org, "alice", PER_PRINCIPAL);
        assertRateLimited(registerAgent(org, "alice"), "this user");

        for (int i = 0; i < 2 * PER_PRINCIPAL; i++) {
            Reply read = new HttpClientSupport(port).send("GET", "/api/v1/provider-accounts",
                    token(org, "alice", Role.ORG_ADMIN), null);
            assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        }
    }
}
