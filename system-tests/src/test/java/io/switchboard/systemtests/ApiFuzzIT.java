package io.switchboard.systemtests;

import io.switchboard.systemtests.ApiOperation.Service;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §4, §6 (OWASP API4, API8): a fuzzer that reads the API. It fetches both services' OpenAPI documents and
 * walks every operation: path, method, path, query and header parameters, request bodies with their schemas
 * (enums, formats, bounds, required fields). From them it generates requests with jqwik arbitraries, about a fifth
 * valid and the others "almost valid": valid but for one {@link Mutation} (a wrong type, a value out of range or
 * too long, a required field missing, an unknown one, a bad enum, odd Unicode, a huge number, empty, null,
 * malformed JSON, the wrong content type, a bad {@code If-Match}, {@code Idempotency-Key} or
 * {@code X-Min-Position}, another organization's id or garbage in the path, no token or a bad one), sent as every
 * role, its own organization's or another's ({@link Caller}). It checks that no reply is a 5xx (but a 503 with
 * {@code Retry-After}, counted), that every 4xx is an {@code application/problem+json} with a {@code code}, that
 * another organization's object is never served, that a refused command wrote no event, that the read models keep
 * up with what was accepted, and that neither service logged an ERROR meanwhile.
 * <p>
 * Modes, by system property (Maven passes {@code -D} on to the test JVM):
 * <ul>
 *     <li>CI, the default: 5,000 requests, every operation of both services in each round, commands one at a
 *     time (a read beside each); about a minute on two cores. A fresh seed each run.</li>
 *     <li>long, for a nightly run: {@code -Dswitchboard.fuzz.requests=200000} (any count).</li>
 *     <li>replay: {@code -Dswitchboard.fuzz.seed=123456789} draws the same requests again, in the same order (the
 *     ids in them are those of the run's own fixtures); with {@code -Dswitchboard.fuzz.requests=N} it stops after
 *     the request a failure names as #N-1.</li>
 * </ul>
 * It prints {@code fuzz: seed=... requests=...} first, then a line per operation, and last the replies by status
 * class. A failure shows each breaching request (method, URL, headers but the token, body) and the seed.
 * Alone: {@code ./mvnw -B verify -pl system-tests -am -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ApiFuzzIT -Dswitchboard.fuzz.seed=...}.
 */
@ExtendWith(RunningStack.class)
class ApiFuzzIT {

    private static final int CI_REQUESTS = 5_000;

    @Test
    @DisplayName("§4, §6: requests generated from both OpenAPI documents never get a 5xx, get a problem with a code"
            + " for every 4xx, never another org's object, and write nothing when refused")
    void fuzzBothServices() throws Exception {
        long seed = Long.getLong("switchboard.fuzz.seed", ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
        int count = Integer.getInteger("switchboard.fuzz.requests", CI_REQUESTS);
        System.out.println("fuzz: seed=" + seed + " requests=" + count);
        Map<Service, String> urls = Map.of(Service.COMMAND, RunningStack.stack().commandUrl(),
                Service.QUERY, RunningStack.stack().queryUrl());
        List<ApiOperation> operations = new ArrayList<>();
        urls.keySet().stream().sorted().forEach(service ->
                operations.addAll(OpenApiDocument.operations(service, urls.get(service))));
        assertThat(operations).extracting(ApiOperation::service).as("both documents list operations")
                .contains(Service.COMMAND, Service.QUERY);
        String correlationPrefix = "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        FuzzWorld world = FuzzWorld.create(correlationPrefix + "setup");
        Draw draw = new Draw(seed);
        Instant start = Instant.now();

        ServiceLogs logs = new ServiceLogs(RunningStack.workspace().root().resolve("logs"));
        FuzzRun run;
        JqwikSession.start();
        try (EventStoreWatch events = new EventStoreWatch(RunningStack.stack().databaseUrl())) {
            run = new FuzzRun(operations, world, draw, new FuzzRequests(world, draw, urls, correlationPrefix), events,
                    new ReadModelCheck(urls.get(Service.QUERY)), correlationPrefix + "setup");
            run.send(count);
            run.finish(logs);
        } finally {
            JqwikSession.finish();
        }

        run.tally().perOperation().forEach(System.out::println);
        System.out.println(run.tally().summary(count, Duration.between(start, Instant.now()), seed));
        assertThat(run.breaches().count()).as("breaches (seed=" + seed + ", replay with -Dswitchboard.fuzz.seed="
                + seed + "): " + run.breaches().report() + "\n").isZero();
    }
}
