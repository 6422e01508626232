package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.query.consistency.MinPositionInterceptor;
import io.switchboard.query.number.NumberViewProjection;
import io.switchboard.query.testing.TestNumbers;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * §4: a query passing X-Min-Position waits, bounded in time and in number, until the read models have processed that
 * position; §6: a position beyond the event store's head is refused at once.
 */
class ReadYourWritesTest extends HttpTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    @DisplayName("§4: a read carrying the position of a write, made right after it, sees that write")
    void reads_own_write() {
        E164Number number = TestNumbers.british();
        given.numberImported(org, "alice", number, Provider.TWILIO, null, null);

        ResponseEntity<JsonNode> response = getWithMinPosition("/api/v1/phone-numbers/" + number.numberId(),
                token("alice", org, Role.MEMBER), String.valueOf(given.lastPosition()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("e164").asText()).isEqualTo(number.value());
    }

    @Test
    @DisplayName("§4: the position of an event that most read models skip is reached all the same")
    void position_of_an_event_most_read_models_skip() {
        given.orgPolicyChanged(org, "Europe/London");

        ResponseEntity<JsonNode> response = getWithMinPosition("/api/v1/org/summary",
                token("alice", org, Role.MEMBER), String.valueOf(given.lastPosition()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("§4: a position the read models do not reach in time answers 503 READ_MODEL_BEHIND, Retry-After 1")
    void position_not_reached() {
        ResponseEntity<JsonNode> response = whileNumberViewStopped(() -> {
            given.numberImported(org, "alice", TestNumbers.british(), Provider.TWILIO, null, null);
            return getWithMinPosition("/api/v1/phone-numbers", token("alice", org, Role.MEMBER),
                    String.valueOf(given.lastPosition()));
        });

        assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "READ_MODEL_BEHIND");
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    @DisplayName("§6: a position beyond the event store's head answers 400 POSITION_AHEAD at once, naming the head")
    void position_ahead() {
        given.numberImported(org, "alice", TestNumbers.british(), Provider.TWILIO, null, null);
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();

        long started = System.nanoTime();
        ResponseEntity<JsonNode> response = getWithMinPosition("/api/v1/phone-numbers",
                token("alice", org, Role.MEMBER), String.valueOf(head + 1_000_000));
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(response, HttpStatus.BAD_REQUEST, "POSITION_AHEAD");
        assertThat(response.getBody().path("detail").asText()).contains("head, " + head);
        assertThat(response.getBody().path("field").asText()).isEqualTo(MinPositionInterceptor.HEADER);
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("§6: with every waiting slot taken (2 here), one more read that would wait answers 503"
            + " READ_MODEL_BEHIND at once")
    void waiters_bounded() {
        List<ResponseEntity<JsonNode>> responses = whileNumberViewStopped(() -> {
            given.numberImported(org, "alice", TestNumbers.british(), Provider.TWILIO, null, null);
            String token = token("alice", org, Role.MEMBER);
            String position = String.valueOf(given.lastPosition());
            ExecutorService readers = Executors.newFixedThreadPool(3);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ResponseEntity<JsonNode>>> reads = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    reads.add(readers.submit(() -> {
                        start.await();
                        return getWithMinPosition("/api/v1/phone-numbers", token, position);
                    }));
                }
                start.countDown();
                List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
                for (Future<ResponseEntity<JsonNode>> read : reads) {
                    answers.add(read.get(30, TimeUnit.SECONDS));
                }
                return answers;
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new IllegalStateException(e);
            } finally {
                readers.shutdownNow();
            }
        });

        responses.forEach(response -> assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "READ_MODEL_BEHIND"));
        assertThat(responses).extracting(response -> response.getBody().path("detail").asText())
                .filteredOn(detail -> detail.startsWith("too many reads are waiting")).hasSize(1);
    }

    /** number-view stopped, the read models reach no event given meanwhile. */
    private <T> T whileNumberViewStopped(Supplier<T> action) {
        TrackingEventProcessor numberView = processing
                .eventProcessor(NumberViewProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        numberView.shutDown();
        try {
            return action.get();
        } finally {
            numberView.start();
            // the next tests read through number-view: it must have its segment back and have caught up
            await("number-view running again, its segment claimed and caught up").atMost(Duration.ofSeconds(60))
                    .until(() -> numberView.isRunning() && !numberView.processingStatus().isEmpty()
                            && numberView.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
        }
    }

    @Test
    @DisplayName("a position that is not a whole number >= 0 answers 400 VALIDATION_FAILED")
    void invalid_position() {
        String token = token("alice", org, Role.MEMBER);

        assertProblem(getWithMinPosition("/api/v1/phone-numbers", token, "abc"), HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
        assertProblem(getWithMinPosition("/api/v1/phone-numbers", token, "-1"), HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
    }
}
