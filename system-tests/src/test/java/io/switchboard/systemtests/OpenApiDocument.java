package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.systemtests.ApiOperation.Body;
import io.switchboard.systemtests.ApiOperation.In;
import io.switchboard.systemtests.ApiOperation.Parameter;
import io.switchboard.systemtests.ApiOperation.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A running service's OpenAPI document ({@code /v3/api-docs}, public), read into its operations. */
final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    /** Deeper than any schema of ours: only a cycle of {@code $ref}s gets here. */
    private static final int MAX_DEPTH = 12;

    private final Service service;
    private final JsonNode document;

    private OpenApiDocument(Service service, JsonNode document) {
        this.service = service;
        this.document = document;
    }

    static List<ApiOperation> operations(Service service, String serviceUrl) {
        Http.Reply reply = Http.call("GET", serviceUrl + "/v3/api-docs", null, null);
        assertThat(reply.status()).as("the OpenAPI document of " + serviceUrl).isEqualTo(200);
        return new OpenApiDocument(service, reply.body()).operations();
    }

    private List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue()));
            }
        }));
        return operations;
    }

    private ApiOperation operation(String method, String path, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter, 0);
            parameters.add(new Parameter(resolved.path("name").asText(),
                    In.valueOf(resolved.path("in").asText().toUpperCase(Locale.ROOT)),
                    resolved.path("required").asBoolean(false), resolved.path("schema")));
        }
        List<Body> bodies = new ArrayList<>();
        JsonNode requestBody = resolve(operation.path("requestBody"), 0);
        requestBody.path("content").properties().forEach(media -> bodies.add(new Body(media.getKey(),
                media.getValue().path("schema"), example(media.getValue()))));
        return new ApiOperation(service, method, path, List.copyOf(parameters), List.copyOf(bodies),
                requestBody.path("required").asBoolean(false));
    }

    private static Optional<String> example(JsonNode media) {
        JsonNode example = media.path("example");
        if (example.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(example.isTextual() ? example.asText() : example.toString());
    }

    /** A copy of {@code node} with every {@code $ref} replaced by what it names. */
    private JsonNode resolve(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return node.deepCopy();
        }
        if (node.has("$ref")) {
            return resolve(target(node.get("$ref").asText()), depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), resolve(field.getValue(), depth + 1));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(resolve(element, depth + 1)));
            return copy;
        }
        return node;
    }

    private JsonNode target(String ref) {
        JsonNode target = document;
        for (String segment : ref.substring(ref.indexOf('/') + 1).split("/")) {
            target = target.path(segment.replace("~1", "/").replace("~0", "~"));
        }
        assertThat(target.isMissingNode()).as("the document defines " + ref).isFalse();
        return target;
    }
}
