package io.switchboard.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.command.CommandServiceApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The command service's OpenAPI document says what the service reads, so that clients and the fuzzer can use it. */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HttpClientSupport.serviceWithoutKafka(registry);
    }

    @LocalServerPort
    int port;

    private JsonNode document() {
        HttpClientSupport.Reply reply = new HttpClientSupport(port).send("GET", "/v3/api-docs", null, null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    @Test
    @DisplayName("§4: every operation needs a bearer token and may answer a problem with a code (4XX) or 503 with Retry-After; the caller is never a parameter")
    void conventions() {
        JsonNode document = document();

        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();
        assertThat(document.at("/components/schemas/Problem/required").toString()).contains("code");
        JsonNode paths = document.path("paths");
        assertThat(paths.size()).isGreaterThan(10);
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey() + " " + path.getKey();
            JsonNode responses = operation.getValue().path("responses");
            assertThat(responses.at("/4XX/content/application~1problem+json/schema/$ref").asText()).as(name)
                    .endsWith("/Problem");
            assertThat(responses.at("/503/headers").has("Retry-After")).as(name).isTrue();
            assertThat(operation.getValue().path("parameters").findValuesAsText("name")).as(name)
                    .doesNotContain("actor");
            if (!operation.getKey().equals("get")) {
                assertThat(operation.getValue().path("parameters").findValuesAsText("name")).as(name)
                        .contains("Idempotency-Key", "X-Correlation-Id");
            }
        }));
    }

    @Test
    @DisplayName("R3: the JSON bulk import's body is documented as its rows (1 to 10,000), the CSV one as text")
    void bulkImportBody() {
        JsonNode content = document().at("/paths/~1api~1v1~1phone-numbers~1bulk/post/requestBody/content");

        JsonNode rows = content.at("/application~1json/schema");
        assertThat(rows.path("type").asText()).isEqualTo("array");
        assertThat(rows.path("maxItems").asInt()).isEqualTo(10_000);
        assertThat(rows.at("/items/$ref").asText()).endsWith("/BulkImportRow");
        assertThat(content.at("/text~1csv/schema/type").asText()).isEqualTo("string");
    }
}
