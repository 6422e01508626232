package io.switchboard.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * One operation of a service's OpenAPI document, its schemas' {@code $ref}s resolved: what {@link ApiFuzzIT}
 * generates requests from.
 */
record ApiOperation(Service service, String method, String path, List<Parameter> parameters, List<Body> bodies,
                    boolean bodyRequired) {

    enum Service { COMMAND, QUERY }

    /** Where a parameter goes; the fuzzer sends no cookies (the services read none). */
    enum In { PATH, QUERY, HEADER, COOKIE }

    record Parameter(String name, In in, boolean required, JsonNode schema) {
    }

    /** A media type the operation reads, its schema and the document's example for it, if any. */
    record Body(String mediaType, JsonNode schema, Optional<String> example) {
    }

    List<Parameter> in(In location) {
        return parameters.stream().filter(parameter -> parameter.in() == location).toList();
    }

    Optional<Parameter> header(String name) {
        return in(In.HEADER).stream().filter(header -> header.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + service.name().toLowerCase() + ")";
    }
}
