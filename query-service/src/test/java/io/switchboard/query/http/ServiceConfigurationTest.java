package io.switchboard.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.assignment.UnassignReason;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.common.Role;
import io.switchboard.api.number.NumberActivated;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the service is put together: its processors, and what it tells operators without a token. */
class ServiceConfigurationTest extends HttpTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    @DisplayName("each projection is its own tracking processor, named after its processing group")
    void tracking_processors() {
        assertThat(processing.eventProcessor("number-view", TrackingEventProcessor.class)).isPresent();
        assertThat(processing.eventProcessor("agent-view", TrackingEventProcessor.class)).isPresent();
        assertThat(processing.eventProcessor("usage-view", TrackingEventProcessor.class)).isPresent();
        assertThat(processing.eventProcessor("org-policy-view", TrackingEventProcessor.class)).isPresent();
    }

    @Test
    @DisplayName("number-view keeps a number's own events and its assignments' in one sequence")
    void number_sequencing() {
        var numberEvent = new GenericDomainEventMessage<>("PhoneNumber", "number-1", 3,
                new NumberActivated("number-1", org));
        var assignmentEvent = new GenericDomainEventMessage<>("Assignment", "assignment-9", 1,
                new UnassignedFromAgent("assignment-9", "number-1", org, "agent-1", UnassignReason.REQUESTED));

        var policy = processing.sequencingPolicy("number-view");

        assertThat(policy.getSequenceIdentifierFor(numberEvent)).isEqualTo("number-1");
        assertThat(policy.getSequenceIdentifierFor(assignmentEvent)).isEqualTo("number-1");
    }

    @Test
    @DisplayName("health, with the database, answers without a token")
    void health() {
        ResponseEntity<JsonNode> response = get("/actuator/health", null, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(response.getBody().path("components").has("db")).isTrue();
    }

    @Test
    @DisplayName("the liveness and readiness probes the orchestrator uses answer UP without a token")
    void probes() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            ResponseEntity<JsonNode> response = get(probe, null, JsonNode.class);

            assertThat(response.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody().path("status").asText()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    @DisplayName("§6: Actuator endpoints beyond health (metrics name tenants) answer 403 to every role but PLATFORM_ADMIN")
    void metrics_are_platform_admins_only() {
        for (Role role : List.of(Role.ORG_ADMIN, Role.MANAGER, Role.MEMBER, Role.SERVICE)) {
            assertThat(get("/actuator/metrics", token("someone", org, role), JsonNode.class).getStatusCode())
                    .as(role.name()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(get("/actuator/metrics", token("root", org, Role.PLATFORM_ADMIN), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("§4: the OpenAPI document lists the query endpoints, without a token")
    void openapi_document() {
        ResponseEntity<JsonNode> response = get("/v3/api-docs", null, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode paths = response.getBody().path("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/phone-numbers", "/api/v1/phone-numbers/{id}",
                "/api/v1/phone-numbers/lookup", "/api/v1/agents", "/api/v1/agents/{id}",
                "/api/v1/agents/{id}/phone-numbers", "/api/v1/org/summary", "/api/v1/admin/phone-numbers",
                "/api/v1/usage");
        assertThat(paths.path("/api/v1/phone-numbers").path("get").path("parameters").findValuesAsText("name"))
                .contains("status", "assigned", "q", "sort", "cursor", "limit", "X-Min-Position")
                .doesNotContain("actor", "userId");
        assertThat(paths.path("/api/v1/usage").path("get").path("parameters").findValuesAsText("name"))
                .contains("date", "cursor", "limit");
        JsonNode list = paths.path("/api/v1/phone-numbers").path("get");
        assertThat(parameter(list, "X-Min-Position").at("/schema/format").asText()).isEqualTo("int64");
        assertThat(parameter(list, "limit").at("/schema/maximum").asInt()).isEqualTo(200);
        assertThat(list.at("/responses/4XX/content/application~1problem+json/schema/$ref").asText())
                .endsWith("/Problem");
        assertThat(response.getBody().at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        JsonNode detail = response.getBody().path("components").path("schemas").path("PhoneNumberDetail");
        assertThat(detail.path("properties").fieldNames()).toIterable()
                .contains("e164", "assignment", "callsToday", "remainingToday").doesNotContain("number");
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }
}
