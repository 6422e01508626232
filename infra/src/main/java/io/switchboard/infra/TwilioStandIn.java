package io.switchboard.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local stand-in for Twilio's REST API (2010-04-01), answering as Twilio documents it: the account resource,
 * and the account's IncomingPhoneNumbers in pages ({@code PageSize}, {@code Page}, {@code PageToken}) linked by
 * {@code next_page_uri}; 401 with Twilio error 20003 for any other credentials, 404 (20404) for another account.
 * It can answer one page's first request with 429 and {@code Retry-After}, as Twilio does when rate limiting.
 * Listens on 127.0.0.1 only. {@code ./switchboard up --twilio-stand-in 18090} runs one beside the local stack,
 * with the account SID and auth token of {@link Options#defaults()}; the tests start their own.
 */
public final class TwilioStandIn implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC5b4f0c2e8d1a4b7e9c3f6a0d2e8b1c47";
    public static final String AUTH_TOKEN = "standin0auth0token0not0a0secret1";

    /**
     * What the account holds: {@code numbers} consecutive numbers from {@code firstNumber} (digits of the E.164
     * form), every third on a SIP trunk; {@code rateLimitedPage} is the page whose first request gets a 429 (-1:
     * none).
     */
    public record Options(String accountSid, String authToken, int numbers, long firstNumber, int rateLimitedPage) {

        public static Options defaults() {
            return new Options(ACCOUNT_SID, AUTH_TOKEN, 120, 14155550100L, -1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/2010-04-01/Accounts/";

    private final HttpServer server;
    private final Options options;
    private final AtomicBoolean rateLimited = new AtomicBoolean();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private TwilioStandIn(HttpServer server, Options options) {
        this.server = server;
        this.options = options;
    }

    /** Starts one on {@code port} (0: any free port). */
    public static TwilioStandIn start(int port, Options options) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            TwilioStandIn standIn = new TwilioStandIn(server, options);
            server.createContext("/", standIn::answer);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request so far, as {@code "GET /path?query -> status"}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int status;
            ObjectNode body;
            String account = API + options.accountSid();
            if (!"GET".equals(exchange.getRequestMethod())) {
                status = 405;
                body = error(20004, "Method not allowed", status);
            } else if (!authenticated(exchange)) {
                status = 401;
                body = error(20003, "Authenticate", status);
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            } else if (path.equals(account + ".json")) {
                status = 200;
                body = account();
            } else if (path.equals(account + "/IncomingPhoneNumbers.json")) {
                int page = Integer.parseInt(query.getOrDefault("Page", "0"));
                if (page == options.rateLimitedPage() && rateLimited.compareAndSet(false, true)) {
                    status = 429;
                    body = error(20429, "Too Many Requests", status);
                    exchange.getResponseHeaders().set("Retry-After", "1");
                } else {
                    status = 200;
                    body = page(page, Math.min(1000, Integer.parseInt(query.getOrDefault("PageSize", "50"))));
                }
            } else {
                status = 404;
                body = error(20404, "The requested resource " + path + " was not found", status);
            }
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " -> " + status);
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private boolean authenticated(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (options.accountSid() + ":" + options.authToken()).getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private ObjectNode account() {
        return JSON.createObjectNode().put("sid", options.accountSid()).put("friendly_name", "Stand-in account")
                .put("status", "active").put("type", "Full")
                .put("uri", API + options.accountSid() + ".json");
    }

    private ObjectNode page(int page, int pageSize) {
        String list = API + options.accountSid() + "/IncomingPhoneNumbers.json";
        int start = Math.min(page * pageSize, options.numbers());
        int end = Math.min(start + pageSize, options.numbers());
        ArrayNode numbers = JSON.createArrayNode();
        for (int i = start; i < end; i++) {
            numbers.add(number(i));
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("incoming_phone_numbers", numbers);
        body.put("page", page).put("page_size", pageSize).put("start", start).put("end", Math.max(start, end - 1))
                .put("uri", list + "?PageSize=" + pageSize + "&Page=" + page)
                .put("first_page_uri", list + "?PageSize=" + pageSize + "&Page=0")
                .put("previous_page_uri", page == 0 ? null : list + "?PageSize=" + pageSize + "&Page=" + (page - 1))
                .put("next_page_uri", end >= options.numbers() ? null
                        : list + "?PageSize=" + pageSize + "&Page=" + (page + 1) + "&PageToken=PA" + sid("PA", end));
        return body;
    }

    private ObjectNode number(int index) {
        String digits = Long.toString(options.firstNumber() + index);
        ObjectNode number = JSON.createObjectNode()
                .put("sid", sid("PN", index))
                .put("account_sid", options.accountSid())
                .put("friendly_name", "Stand-in line " + (index + 1))
                .put("phone_number", "+" + digits)
                .put("status", "in-use")
                .put("api_version", "2010-04-01")
                .put("trunk_sid", index % 3 == 2 ? sid("TK", index) : null)
                .put("uri", API + options.accountSid() + "/IncomingPhoneNumbers/" + sid("PN", index) + ".json");
        number.putObject("capabilities").put("voice", true).put("sms", index % 2 == 0).put("mms", false)
                .put("fax", false);
        return number;
    }

    /** A Twilio-shaped SID: two letters and 32 hex digits, the same for the same index. */
    private String sid(String prefix, int index) {
        byte[] seed = (options.accountSid() + prefix + index).getBytes(StandardCharsets.UTF_8);
        byte[] digest = new byte[16];
        for (int i = 0; i < seed.length; i++) {
            digest[i % 16] = (byte) (digest[i % 16] * 31 + seed[i]);
        }
        return prefix + HexFormat.of().formatHex(digest);
    }

    private static ObjectNode error(int code, String message, int status) {
        return JSON.createObjectNode().put("code", code).put("message", message)
                .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
