package io.switchboard.command.call;

import io.switchboard.api.common.Role;
import io.switchboard.command.CommandServiceApplication;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.testing.clock.ClockSensitiveTest;
import io.switchboard.testing.clock.TestClock;
import io.switchboard.testing.clock.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = {CommandServiceApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallApiTest {

    private static final AtomicInteger NEXT = new AtomicInteger(3000);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HttpClientSupport.serviceWithoutKafka(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    private String org;
    private String alice;

    @BeforeEach
    void newOrg() {
        clock.reset();
        org = "org-" + UUID.randomUUID();
        alice = token(org, "alice", Role.MEMBER, Role.ORG_ADMIN);
    }

    private HttpClientSupport http() {
        return new HttpClientSupport(port);
    }

    private static String usNumber() {
        return "+1202555" + NEXT.getAndIncrement();
    }

    private String agent(String name) {
        return http().send("POST", "/api/v1/agents", alice, "{\"name\":\"" + name + "\"}").body().get("id").asText();
    }

    private String assignedNumber(String e164, String agentId, int limit, String countries) {
        String numberId = http().send("POST", "/api/v1/phone-numbers", alice,
                "{\"number\":\"" + e164 + "\",\"provider\":\"telnyx\"}").body().get("id").asText();
        HttpClientSupport.Reply assigned = http().send("POST", "/api/v1/phone-numbers/" + numberId + "/assign", alice,
                "{\"agentId\":\"" + agentId + "\",\"dailyLimit\":" + limit + ",\"allowedCountries\":" + countries + "}");
        assertThat(assigned.status()).as(assigned.raw().body()).isEqualTo(201);
        return numberId;
    }

    private HttpClientSupport.Reply call(String token, String callId, String destination, String from, String agentId) {
        String body = "{\"callId\":\"" + callId + "\",\"destination\":\"" + destination + "\""
                + (from == null ? "" : ",\"fromNumber\":\"" + from + "\"")
                + (agentId == null ? "" : ",\"agentId\":\"" + agentId + "\"") + "}";
        return http().send("POST", "/api/v1/calls", token, body);
    }

    private long events(String type, String numberId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type = ?
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'numberId' = ?""", Long.class,
                "io.switchboard.api.assignment." + type, numberId);
    }

    @ClockSensitiveTest
    @DisplayName("R14, R15: a call from an assigned number within its limit is counted, saying what is left today")
    void countsACall() {
        String from = usNumber();
        assignedNumber(from, agent("Caller"), 10, "[\"US\"]");

        HttpClientSupport.Reply answer = call(alice, "c-1", "+12025550123", from, null);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.body().get("fromNumber").asText()).isEqualTo(from);
        assertThat(answer.body().get("callsThatDay").asInt()).isEqualTo(1);
        assertThat(answer.body().get("remaining").asInt()).isEqualTo(9);
    }

    @ClockSensitiveTest
    @DisplayName("R15: the same call id twice counts once and returns the first answer")
    void sameCallIdCountsOnce() {
        String from = usNumber();
        String numberId = assignedNumber(from, agent("Retrying"), 10, "[\"US\"]");

        HttpClientSupport.Reply first = call(alice, "retry-1", "+12025550123", from, null);
        HttpClientSupport.Reply again = call(alice, "retry-1", "+12025550123", from, null);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(events("CallCounted", numberId)).isEqualTo(1);
    }

    @Test
    @DisplayName("R15: the same call id for another destination answers 422 IDEMPOTENCY_KEY_REUSED and counts nothing")
    void sameCallIdOtherCallIsRefused() {
        String from = usNumber();
        String numberId = assignedNumber(from, agent("Reusing"), 10, "[\"*\"]");

        call(alice, "reuse-1", "+12025550123", from, null);
        HttpClientSupport.Reply other = call(alice, "reuse-1", "+442079460958", from, null);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events("CallCounted", numberId)).isEqualTo(1);
        assertThat(events("CallRefused", numberId)).isZero();
    }

    @ClockSensitiveTest
    @DisplayName("R15: a refused call answers a problem whose code is the reason, and the refusal is recorded")
    void refusalIsRecorded() {
        String from = usNumber();
        String agentId = agent("Domestic");
        String numberId = assignedNumber(from, agentId, 10, "[\"US\"]");

        HttpClientSupport.Reply abroad = call(alice, "abroad-1", "+442079460958", from, null);
        HttpClientSupport.Reply otherAgent = call(alice, "other-1", "+12025550123", from, agent("Someone else"));

        assertThat(abroad.status()).isEqualTo(409);
        assertThat(abroad.code()).isEqualTo("COUNTRY_NOT_ALLOWED");
        assertThat(otherAgent.code()).isEqualTo("AGENT_MISMATCH");
        assertThat(events("CallRefused", numberId)).isEqualTo(2);
        http().send("POST", "/api/v1/phone-numbers/" + numberId + "/deactivate", alice, null);
        assertThat(call(alice, "inactive-1", "+12025550123", from, null).code()).isEqualTo("NUMBER_INACTIVE");
    }

    @ClockSensitiveTest
    @DisplayName("R15: 50 concurrent calls against a limit of 10 count exactly 10 and refuse 40 with DAILY_LIMIT_REACHED")
    void exactUnderConcurrency() throws Exception {
        String from = usNumber();
        String numberId = assignedNumber(from, agent("Busy"), 10, "[\"US\"]");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String callId = "burst-" + i;
            Callable<Integer> task = () -> {
                start.await();
                return call(alice, callId, "+12025550123", from, null).status();
            };
            statuses.add(pool.submit(task));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();

        Map<Integer, Long> byStatus = results.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byStatus).containsEntry(200, 10L).containsEntry(429, 40L).hasSize(2);
        assertThat(events("CallCounted", numberId)).isEqualTo(10);
        assertThat(events("CallRefused", numberId)).isEqualTo(40);
    }

    @ClockSensitiveTest
    @DisplayName("R16: given only the agent, the call goes out from a local number first, then from the one with most capacity")
    void picksTheNumber() {
        String agentId = agent("Picker");
        String local = usNumber();
        assignedNumber(local, agentId, 1, "[\"*\"]");
        String roomy = "+442079460" + (100 + NEXT.getAndIncrement() % 800);
        assignedNumber(roomy, agentId, 5, "[\"*\"]");

        HttpClientSupport.Reply first = call(alice, "pick-1", "+12025550123", null, agentId);
        HttpClientSupport.Reply second = call(alice, "pick-2", "+12025550123", null, agentId);

        assertThat(first.body().get("fromNumber").asText()).as("local presence").isEqualTo(local);
        assertThat(second.body().get("fromNumber").asText()).as("local number exhausted").isEqualTo(roomy);
    }

    @Test
    @DisplayName("R16: an agent without any assigned number is refused with NO_ELIGIBLE_NUMBER")
    void noEligibleNumber() {
        HttpClientSupport.Reply answer = call(alice, "none-1", "+12025550123", null, agent("Idle"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("NO_ELIGIBLE_NUMBER");
    }

    @Test
    @DisplayName("R17: the day is the org's calendar day: the count restarts at its midnight, also across a daylight-saving change")
    void orgLocalDay() {
        http().send("PUT", "/api/v1/org/policy", alice, "{\"timeZone\":\"America/New_York\"}");
        String from = usNumber();
        assignedNumber(from, agent("Night shift"), 1, "[\"US\"]");

        clock.set(Instant.parse("2026-03-09T03:59:00Z"));
        HttpClientSupport.Reply beforeMidnight = call(alice, "dst-1", "+12025550123", from, null);
        HttpClientSupport.Reply overLimit = call(alice, "dst-2", "+12025550123", from, null);
        clock.set(Instant.parse("2026-03-09T04:01:00Z"));
        HttpClientSupport.Reply afterMidnight = call(alice, "dst-3", "+12025550123", from, null);

        assertThat(beforeMidnight.body().get("day").asText()).as("23:59 EDT on the 8th").isEqualTo("2026-03-08");
        assertThat(overLimit.code()).isEqualTo("DAILY_LIMIT_REACHED");
        assertThat(afterMidnight.status()).isEqualTo(200);
        assertThat(afterMidnight.body().get("day").asText()).as("00:01 EDT on the 9th").isEqualTo("2026-03-09");
    }

    @ClockSensitiveTest
    @DisplayName("R17: a call counts on the org's calendar day at the instant it is placed, until the org's next midnight")
    void countsOnTheOrgDayOfNow() {
        Instant now = clock.instant();
        for (String zone : List.of("UTC", "America/New_York", "Europe/Berlin")) {
            newOrg();
            http().send("PUT", "/api/v1/org/policy", alice, "{\"timeZone\":\"" + zone + "\"}");
            String from = usNumber();
            assignedNumber(from, agent("Shift in " + zone), 1, "[\"US\"]");
            LocalDate today = now.atZone(ZoneId.of(zone)).toLocalDate();
            Instant nextMidnight = today.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant();

            HttpClientSupport.Reply first = call(alice, "now-1", "+12025550123", from, null);
            clock.set(nextMidnight.minusSeconds(1));
            HttpClientSupport.Reply lastSecond = call(alice, "now-2", "+12025550123", from, null);
            clock.set(nextMidnight);
            HttpClientSupport.Reply nextDay = call(alice, "now-3", "+12025550123", from, null);

            assertThat(first.body().path("day").asText()).as("the day in %s at %s", zone, now)
                    .isEqualTo(today.toString());
            assertThat(lastSecond.code()).as("%s, a second before its midnight", zone).isEqualTo("DAILY_LIMIT_REACHED");
            assertThat(nextDay.body().path("day").asText()).as("%s at its midnight", zone)
                    .isEqualTo(today.plusDays(1).toString());
        }
    }

    @Test
    @DisplayName("R15: MANAGER cannot place calls; another org's number does not exist for the caller")
    void callerAccess() {
        String from = usNumber();
        assignedNumber(from, agent("Guarded"), 10, "[\"US\"]");

        assertThat(call(token(org, "boss", Role.MANAGER), "m-1", "+12025550123", from, null).status()).isEqualTo(403);
        assertThat(call(token("elsewhere", "eve", Role.SERVICE), "x-1", "+12025550123", from, null).status())
                .isEqualTo(404);
        assertThat(call(token(org, "dialer", Role.SERVICE), "s-1", "+12025550123", from, null).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("§6: a call naming an agent the caller does not see (another org's, another member's) answers 404")
    void agentInBodyIsCheckedLikeAPathId() {
        String agentId = agent("Private");
        assignedNumber(usNumber(), agentId, 10, "[\"US\"]");

        assertThat(call(token("elsewhere", "eve", Role.SERVICE), "a-1", "+12025550123", null, agentId).status())
                .isEqualTo(404);
        assertThat(call(token(org, "bob", Role.MEMBER), "a-2", "+12025550123", null, agentId).status())
                .isEqualTo(404);
        assertThat(call(token(org, "dialer", Role.SERVICE), "a-3", "+12025550123", null, agentId).status())
                .isEqualTo(200);
    }
}
