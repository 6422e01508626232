package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.Role;
import io.switchboard.api.query.Page;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.consistency.MinPositionInterceptor;
import io.switchboard.query.testing.Databases;
import io.switchboard.support.identity.DevTokens;
import io.switchboard.testing.TestDatabase;
import io.switchboard.testing.clock.TestClock;
import io.switchboard.testing.clock.TestClockConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running query service on a random port, over the tests' real PostgreSQL, with the command service's event
 * store created beside it. Every test class extending this one shares the one Spring context; each test works in
 * an org of its own, so they never see each other's data. The service's clock is the system clock unless a test
 * sets {@link #clock} (and resets it after) or runs in a clock scenario ({@code @ClockSensitiveTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.read-your-writes.max-wait=2s",
        "switchboard.read-your-writes.max-waiters=2"})
@Import(TestClockConfiguration.class)
abstract class HttpTest {

    static final String SECRET = "query-service-test-secret-of-at-least-32-bytes";
    static final ParameterizedTypeReference<Page<PhoneNumberView>> NUMBERS = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    private int port;
    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected TestClock clock;

    protected final String org = "org-" + UUID.randomUUID();
    protected EventStoreFixture given;
    /** Appends events with the time, actor and correlation id a test gives them. */
    protected TimedEvents events;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "query, command");
        Databases.migrateEventStore();
    }

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        DevTokens.properties(SECRET).forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void fixture() {
        events = new TimedEvents(eventStore, new TransactionTemplate(transactionManager), jdbc);
        given = new EventStoreFixture(events, clock);
    }

    static String token(String user, String org, Role... roles) {
        return DevTokens.mint(SECRET, user, org, List.of(roles), Instant.now(), Duration.ofMinutes(5));
    }

    /** GETs a path (query string already encoded) once the read models hold every event given so far. */
    <T> ResponseEntity<T> get(String pathAndQuery, String token, ParameterizedTypeReference<T> type) {
        return http.exchange(request(pathAndQuery, token, positionGiven()), type);
    }

    <T> ResponseEntity<T> get(String pathAndQuery, String token, Class<T> type) {
        return http.exchange(request(pathAndQuery, token, positionGiven()), type);
    }

    ResponseEntity<JsonNode> getWithMinPosition(String pathAndQuery, String token, String minPosition) {
        return http.exchange(request(pathAndQuery, token, minPosition), JsonNode.class);
    }

    static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().path("code").asText()).isEqualTo(code);
    }

    /** No event given, nothing to wait for: global indexes start at 1. */
    private String positionGiven() {
        return given.lastPosition() == 0 ? null : String.valueOf(given.lastPosition());
    }

    private RequestEntity<Void> request(String pathAndQuery, String token, String minPosition) {
        URI uri = URI.create("http://localhost:" + port + pathAndQuery);
        RequestEntity.HeadersBuilder<?> request = RequestEntity.get(uri);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (minPosition != null) {
            request.header(MinPositionInterceptor.HEADER, minPosition);
        }
        return request.build();
    }
}
