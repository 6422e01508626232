package io.switchboard.command.api;

import io.switchboard.api.common.Role;
import io.switchboard.command.chain.StoredChains;
import io.switchboard.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.switchboard.command.api.HttpClientSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

/** R4 and R12 under real concurrency: two service instances sharing one PostgreSQL, many threads each. */
class ConcurrentImportTest {

    private static final int THREADS = 24;
    private static final List<ServiceInstance> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        for (int i = 0; i < 2; i++) {
            INSTANCES.add(ServiceInstance.start(TestDatabase.url(), TestDatabase.user(), TestDatabase.password(), null));
        }
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ServiceInstance::close);
    }

    private static HttpClientSupport instance(int i) {
        return INSTANCES.get(i % 2).http();
    }

    /** Runs every task at the same moment and returns how many of each HTTP status came back. */
    private static Map<Integer, Long> race(List<Callable<Integer>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (Callable<Integer> task : tasks) {
            results.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    @DisplayName("R4: the same number imported at once by 24 threads of many orgs on two instances: exactly one wins, the rest get 409")
    void exactlyOneImportWins() throws Exception {
        String number = "+1650253" + (1000 + (int) (Math.random() * 8999));
        List<Callable<Integer>> imports = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            imports.add(() -> {
                HttpClientSupport.Reply reply = instance(n).send("POST", "/api/v1/phone-numbers",
                        token("org-" + n, "user-" + n, Role.MEMBER),
                        "{\"number\":\"" + number + "\",\"provider\":\"twilio\"}");
                assertThat(reply.status() == 201 || "NUMBER_ALREADY_HELD".equals(reply.code()))
                        .as(reply.raw().body()).isTrue();
                return reply.status();
            });
        }

        Map<Integer, Long> statuses = race(imports);

        assertThat(statuses).containsEntry(201, 1L).containsEntry(409, (long) THREADS - 1).hasSize(2);
        JdbcTemplate jdbc = INSTANCES.get(0).bean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE payload_type LIKE '%NumberImported' AND convert_from(payload, 'UTF8')::jsonb ->> 'e164' = ?""",
                Long.class, number)).isEqualTo(1);
    }

    @Test
    @DisplayName("R15: 50 calls at once against a limit of 10, spread over two instances, count exactly 10 and refuse 40")
    void callLimitHoldsAcrossInstances() throws Exception {
        String token = token(UUID.randomUUID().toString(), "alice", Role.MEMBER);
        String from = CommandApiTest.freshNumber();
        String numberId = instance(0).send("POST", "/api/v1/phone-numbers", token,
                "{\"number\":\"" + from + "\",\"provider\":\"sip\"}").body().get("id").asText();
        String agent = instance(0).send("POST", "/api/v1/agents", token, "{\"name\":\"Busy\"}").body().get("id").asText();
        instance(1).send("POST", "/api/v1/phone-numbers/" + numberId + "/assign", token,
                "{\"agentId\":\"" + agent + "\",\"dailyLimit\":10}");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            calls.add(() -> instance(n).send("POST", "/api/v1/calls", token,
                    "{\"callId\":\"two-" + n + "\",\"destination\":\"+12025550123\",\"fromNumber\":\"" + from + "\"}")
                    .status());
        }

        Map<Integer, Long> statuses = race(calls);

        assertThat(statuses).containsEntry(200, 10L).containsEntry(429, 40L).hasSize(2);
        // §5: each instance remembers the chain heads it wrote; a head the other one moved is read from the store
        StoredChains.assertIntact(INSTANCES.get(0).bean(JdbcTemplate.class));
    }

    @Test
    @DisplayName("R12: with maxNumbersPerAgent 1, 24 numbers assigned at once to one agent on two instances: exactly one succeeds")
    void maxNumbersPerAgentHoldsUnderConcurrency() throws Exception {
        String org = UUID.randomUUID().toString();
        String admin = token(org, "alice", Role.ORG_ADMIN, Role.MEMBER);
        instance(0).send("PUT", "/api/v1/org/policy", admin, "{\"maxNumbersPerAgent\":1}");
        String agent = instance(0).send("POST", "/api/v1/agents", admin, "{\"name\":\"Solo\"}").body().get("id").asText();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            numbers.add(instance(i).send("POST", "/api/v1/phone-numbers", admin,
                    "{\"number\":\"" + CommandApiTest.freshNumber() + "\",\"provider\":\"sip\"}").body().get("id").asText());
        }
        List<Callable<Integer>> assigns = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            assigns.add(() -> instance(n).send("POST", "/api/v1/phone-numbers/" + numbers.get(n) + "/assign", admin,
                    "{\"agentId\":\"" + agent + "\"}").status());
        }

        Map<Integer, Long> statuses = race(assigns);

        assertThat(statuses).containsEntry(201, 1L).containsEntry(409, (long) THREADS - 1).hasSize(2);
    }
}
