package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** §4: a query passing X-Min-Position waits, bounded, until the read models have processed that position. */
class ReadYourWritesTest extends HttpTest {

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
        given.numberImported(org, "alice", TestNumbers.british(), Provider.TWILIO, null, null);

        ResponseEntity<JsonNode> response = getWithMinPosition("/api/v1/phone-numbers",
                token("alice", org, Role.MEMBER), String.valueOf(given.lastPosition() + 1_000_000));

        assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "READ_MODEL_BEHIND");
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
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
