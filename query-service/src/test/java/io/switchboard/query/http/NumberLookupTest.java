package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.api.query.NumberLookup;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/phone-numbers/lookup: is this number held by the caller's org, by whom, with which agent. */
class NumberLookupTest extends HttpTest {

    private final E164Number ours = TestNumbers.british();
    private final E164Number theirs = TestNumbers.british();
    private String agent;

    @BeforeEach
    void numbers() {
        given.numberImported(org, "alice", ours, Provider.TWILIO, null, null);
        agent = given.agentRegistered(org, "alice", "Ava");
        given.numberAssigned(org, ours.numberId(), agent);
        given.numberImported("org-other-" + org, "zed", theirs, Provider.TWILIO, null, null);
    }

    @Test
    @DisplayName("a number the org holds answers its id, owner and agent to its owner and to roles that read the org")
    void held_by_your_org() {
        NumberLookup lookup = lookup("%2B" + ours.value().substring(1), token("carl", org, Role.MANAGER)).getBody();

        assertThat(lookup.heldByYourOrg()).isTrue();
        assertThat(lookup.e164()).isEqualTo(ours.value());
        assertThat(lookup.numberId()).isEqualTo(ours.numberId());
        assertThat(lookup.ownerUserId()).isEqualTo("alice");
        assertThat(lookup.agent().id()).isEqualTo(agent);
        assertThat(lookup.agent().name()).isEqualTo("Ava");
    }

    @Test
    @DisplayName("§6: another MEMBER of the org learns only that the org holds it, not whose it is")
    void held_by_another_member() {
        NumberLookup lookup = lookup("%2B" + ours.value().substring(1), token("bob", org, Role.MEMBER)).getBody();

        assertThat(lookup.heldByYourOrg()).isTrue();
        assertThat(lookup.numberId()).isNull();
        assertThat(lookup.ownerUserId()).isNull();
        assertThat(lookup.agent()).isNull();
        assertThat(lookup("%2B" + ours.value().substring(1), token("alice", org, Role.MEMBER)).getBody().numberId())
                .isEqualTo(ours.numberId());
    }

    @Test
    @DisplayName("R4: a number another org holds answers only heldByYourOrg=false, revealing nobody")
    void held_by_another_org() {
        ResponseEntity<JsonNode> response = get("/api/v1/phone-numbers/lookup?number=%2B" + theirs.value().substring(1),
                token("dana", org, Role.ORG_ADMIN), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("heldByYourOrg").asBoolean()).isFalse();
        assertThat(response.getBody().path("ownerUserId").isNull()).isTrue();
        assertThat(response.getBody().path("numberId").isNull()).isTrue();
        assertThat(response.getBody().path("agent").isNull()).isTrue();
    }

    @Test
    @DisplayName("R3: the number is normalized first, and a '+' left unencoded in the query still counts")
    void normalized() {
        assertThat(lookup(ours.value(), token("dana", org, Role.ORG_ADMIN)).getBody().heldByYourOrg()).isTrue();
        assertThat(lookup("%2B44%20" + ours.value().substring(3), token("dana", org, Role.ORG_ADMIN)).getBody()
                .heldByYourOrg()).isTrue();
    }

    @Test
    @DisplayName("R3: something that is not a valid number answers 400 INVALID_PHONE_NUMBER")
    void invalid_number() {
        assertProblem(get("/api/v1/phone-numbers/lookup?number=12", token("dana", org, Role.ORG_ADMIN), JsonNode.class),
                HttpStatus.BAD_REQUEST, "INVALID_PHONE_NUMBER");
        assertProblem(get("/api/v1/phone-numbers/lookup", token("dana", org, Role.ORG_ADMIN), JsonNode.class),
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    private ResponseEntity<NumberLookup> lookup(String encodedNumber, String token) {
        return get("/api/v1/phone-numbers/lookup?number=" + encodedNumber, token, NumberLookup.class);
    }
}
