package io.switchboard.support.identity;

import com.nimbusds.jose.jwk.JWK;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider on 127.0.0.1 that publishes what a resource server reads: its OpenID Connect discovery
 * document (at the issuer + {@code /.well-known/openid-configuration}) and its public JWK set.
 */
final class StandInIdentityProvider implements AutoCloseable {

    private static final String DISCOVERY = "/.well-known/openid-configuration";
    private static final String KEYS = "/protocol/keys";

    private final HttpServer server;
    private final String issuer;
    private final String jwkSet;
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger keySetRequests = new AtomicInteger();

    private StandInIdentityProvider(String issuerPath, JWK... keys) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = base() + issuerPath;
        jwkSet = TestTokens.publicJwkSet(keys);
        server.createContext("/", this::answer);
        server.start();
    }

    /** {@code issuerPath} like {@code /realms/switchboard} (Keycloak) or {@code /} (Auth0, with the slash). */
    static StandInIdentityProvider start(String issuerPath, JWK... keys) {
        try {
            return new StandInIdentityProvider(issuerPath, keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String issuer() {
        return issuer;
    }

    String jwkSetUri() {
        return base() + KEYS;
    }

    int discoveryRequests() {
        return discoveryRequests.get();
    }

    int keySetRequests() {
        return keySetRequests.get();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceAll("/{2,}", "/");
        String issuerPath = issuer.substring(base().length()).replaceAll("/+$", "");
        if (path.equals(issuerPath + DISCOVERY)) {
            discoveryRequests.incrementAndGet();
            reply(exchange, 200, """
                    {"issuer":"%s","jwks_uri":"%s","id_token_signing_alg_values_supported":["RS256"],
                     "response_types_supported":["code"],"subject_types_supported":["public"]}"""
                    .formatted(issuer, jwkSetUri()));
        } else if (path.equals(KEYS)) {
            keySetRequests.incrementAndGet();
            reply(exchange, 200, jwkSet);
        } else {
            reply(exchange, 404, "{}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
