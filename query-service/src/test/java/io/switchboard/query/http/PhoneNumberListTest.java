package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.common.Provider;
import io.switchboard.api.common.Role;
import io.switchboard.api.query.Page;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.testing.TestNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/phone-numbers: who sees what, and the filters. */
class PhoneNumberListTest extends HttpTest {

    private final E164Number aliceLondon = TestNumbers.british();
    private final E164Number aliceWashington = TestNumbers.american();
    private final E164Number aliceBerlin = TestNumbers.german();
    private final E164Number bobLondon = TestNumbers.british();
    private final E164Number otherOrgs = TestNumbers.british();
    private String agent;

    @BeforeEach
    void numbers() {
        given.numberImported(org, "alice", aliceLondon, Provider.TWILIO, "acme", "Sales London");
        given.numberImported(org, "alice", aliceWashington, Provider.TELNYX, null, "Support");
        given.numberImported(org, "alice", aliceBerlin, Provider.TWILIO, null, null);
        given.numberDeactivated(org, aliceBerlin.numberId());
        given.numberImported(org, "bob", bobLondon, Provider.VONAGE, "acme", "Bob's line");
        given.numberImported("org-elsewhere-" + org, "carol", otherOrgs, Provider.TWILIO, null, "Sales");
        agent = given.agentRegistered(org, "alice", "Ava");
        given.numberAssigned(org, aliceLondon.numberId(), agent);
    }

    @Test
    @DisplayName("a MEMBER sees only its own numbers")
    void member_sees_own_numbers() {
        assertThat(list("", token("alice", org, Role.MEMBER)))
                .containsExactlyInAnyOrder(aliceLondon.value(), aliceWashington.value(), aliceBerlin.value());
        assertThat(list("", token("bob", org, Role.MEMBER))).containsExactly(bobLondon.value());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORG_ADMIN", "MANAGER", "SERVICE", "PLATFORM_ADMIN"})
    @DisplayName("ORG_ADMIN, MANAGER, SERVICE and PLATFORM_ADMIN see every number of their org, no other org's")
    void org_readers_see_org_numbers(Role role) {
        assertThat(list("", token("dana", org, role))).containsExactlyInAnyOrder(
                aliceLondon.value(), aliceWashington.value(), aliceBerlin.value(), bobLondon.value());
    }

    @Test
    @DisplayName("§6: without a valid bearer token the list answers 401")
    void unauthenticated() {
        assertProblem(get("/api/v1/phone-numbers", null, JsonNode.class), HttpStatus.UNAUTHORIZED,
                "UNAUTHENTICATED");
        assertProblem(get("/api/v1/phone-numbers", token("alice", org, Role.MEMBER) + "x", JsonNode.class),
                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    }

    @Test
    @DisplayName("§4: filters by status, assignment, agent, provider, country, clientId and owner")
    void filters() {
        String admin = token("dana", org, Role.ORG_ADMIN);

        assertThat(list("status=INACTIVE", admin)).containsExactly(aliceBerlin.value());
        assertThat(list("assigned=true", admin)).containsExactly(aliceLondon.value());
        assertThat(list("assigned=false", admin))
                .containsExactlyInAnyOrder(aliceWashington.value(), aliceBerlin.value(), bobLondon.value());
        assertThat(list("agentId=" + agent, admin)).containsExactly(aliceLondon.value());
        assertThat(list("provider=TWILIO", admin)).containsExactlyInAnyOrder(aliceLondon.value(), aliceBerlin.value());
        assertThat(list("country=gb", admin)).containsExactlyInAnyOrder(aliceLondon.value(), bobLondon.value());
        assertThat(list("clientId=acme", admin)).containsExactlyInAnyOrder(aliceLondon.value(), bobLondon.value());
        assertThat(list("ownerUserId=bob", admin)).containsExactly(bobLondon.value());
        assertThat(list("country=GB&provider=VONAGE", admin)).containsExactly(bobLondon.value());
        assertThat(list("status=inactive&provider=twilio", admin)).containsExactly(aliceBerlin.value());
    }

    @Test
    @DisplayName("§4: text search matches the label case-insensitively, or the number as people type it")
    void text_search() {
        String admin = token("dana", org, Role.ORG_ADMIN);
        String nationalDigits = aliceWashington.value().substring(2);
        String typed = "(" + nationalDigits.substring(0, 3) + ") " + nationalDigits.substring(3, 6) + "-"
                + nationalDigits.substring(6);

        assertThat(list("q=sales", admin)).containsExactly(aliceLondon.value());
        assertThat(list("q=" + encode(typed), admin)).containsExactly(aliceWashington.value());
        assertThat(list("q=" + encode("100%"), admin)).isEmpty();
    }

    @Test
    @DisplayName("a filter value of the wrong type answers 400")
    void bad_filter_value() {
        ResponseEntity<JsonNode> response = get("/api/v1/phone-numbers?status=SLEEPING",
                token("dana", org, Role.ORG_ADMIN), JsonNode.class);

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    @DisplayName("a filter value holding a control character (%00, %07) answers 400 naming the parameter, before any query")
    void control_character_in_filter() {
        for (String query : List.of("agentId=%00", "q=front%07desk", "clientId=a%00b")) {
            ResponseEntity<JsonNode> response = get("/api/v1/phone-numbers?" + query,
                    token("dana", org, Role.ORG_ADMIN), JsonNode.class);

            assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
            assertThat(response.getBody().path("field").asText()).as(query).isEqualTo(query.split("=")[0]);
        }
    }

    @Test
    @DisplayName("R9: a released number vanishes from the org's list")
    void released_number_vanishes() {
        given.numberReleased(org, aliceWashington);

        assertThat(list("", token("dana", org, Role.ORG_ADMIN)))
                .containsExactlyInAnyOrder(aliceLondon.value(), aliceBerlin.value(), bobLondon.value());
        assertThat(list("", token("alice", org, Role.MEMBER)))
                .containsExactlyInAnyOrder(aliceLondon.value(), aliceBerlin.value());
    }

    @Test
    @DisplayName("R10: a listed number shows its agent by name and its limits")
    void listed_number_shows_agent() {
        PhoneNumberView london = get("/api/v1/phone-numbers?assigned=true", token("alice", org, Role.MEMBER), NUMBERS)
                .getBody().items().get(0);

        assertThat(london.agent().id()).isEqualTo(agent);
        assertThat(london.agent().name()).isEqualTo("Ava");
        assertThat(london.assignment().dailyLimit()).isEqualTo(100);
    }

    private List<String> list(String query, String token) {
        ResponseEntity<Page<PhoneNumberView>> response = get("/api/v1/phone-numbers?" + query, token, NUMBERS);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().nextCursor()).isNull();
        return response.getBody().items().stream().map(PhoneNumberView::e164).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
