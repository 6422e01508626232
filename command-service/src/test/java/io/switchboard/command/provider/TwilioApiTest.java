package io.switchboard.command.provider;

import io.switchboard.api.common.Capability;
import io.switchboard.infra.TwilioStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Twilio's REST API as the stand-in answers it, as Twilio documents it: paging, 401, 429 with Retry-After. */
@ExtendWith(OutputCaptureExtension.class)
class TwilioApiTest {

    private static final ProviderSecrets GOOD = new ProviderSecrets(TwilioStandIn.ACCOUNT_SID,
            TwilioStandIn.AUTH_TOKEN, null, null);
    private TwilioStandIn standIn;

    @AfterEach
    void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    private TwilioApi api(int numbers, int rateLimitedPage) {
        standIn = TwilioStandIn.start(0, new TwilioStandIn.Options(TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN,
                numbers, 14155550100L, rateLimitedPage));
        return api(URI.create(standIn.url()), 4);
    }

    private static TwilioApi api(URI url, int attempts) {
        ProviderApiProperties properties = new ProviderApiProperties(url, Duration.ofSeconds(2), attempts,
                Duration.ofSeconds(5), 50);
        return new TwilioApi(new ProviderHttp(properties), properties);
    }

    @Test
    @DisplayName("§6: every number of the account, over three pages of IncomingPhoneNumbers, with sid, name, capabilities and trunk")
    void listsEveryPage() {
        TwilioApi api = api(120, -1);
        List<List<ProviderNumber>> pages = new ArrayList<>();

        api.listNumbers(GOOD, pages::add);

        assertThat(pages).extracting(List::size).containsExactly(50, 50, 20);
        List<ProviderNumber> numbers = pages.stream().flatMap(List::stream).toList();
        assertThat(numbers).extracting(ProviderNumber::e164).doesNotHaveDuplicates()
                .startsWith("+14155550100", "+14155550101").endsWith("+14155550219");
        ProviderNumber third = numbers.get(2);
        assertThat(third.friendlyName()).isEqualTo("Stand-in line 3");
        assertThat(third.capabilities()).containsExactly(Capability.VOICE, Capability.SMS);
        assertThat(third.providerRefs()).containsOnlyKeys("twilioSid", "twilioTrunkSid");
        assertThat(third.providerRefs().get("twilioSid")).matches("PN[0-9a-f]{32}");
        assertThat(numbers.get(1).capabilities()).isEqualTo(Set.of(Capability.VOICE));
        assertThat(numbers.get(1).providerRefs()).containsOnlyKeys("twilioSid");
        assertThat(standIn.requests()).hasSize(3).allSatisfy(request -> assertThat(request)
                .startsWith("GET /2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/IncomingPhoneNumbers.json?PageSize=50")
                .endsWith("-> 200"));
    }

    @Test
    @DisplayName("§6: a 429 is retried after its Retry-After, and the listing goes on; the log line masks the Account SID")
    void rateLimitIsWaitedOut(CapturedOutput log) {
        TwilioApi api = api(120, 1);
        List<ProviderNumber> numbers = new ArrayList<>();

        long started = System.nanoTime();
        api.listNumbers(GOOD, numbers::addAll);

        assertThat(numbers).hasSize(120);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(standIn.requests()).extracting(request -> request.substring(request.lastIndexOf(' ') + 1))
                .containsExactly("200", "429", "200", "200");
        assertThat(log.getAll()).contains("/2010-04-01/Accounts/" + Masking.MASK + "/IncomingPhoneNumbers.json failed "
                + "(HTTP 429)").doesNotContain(TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN);
    }

    @Test
    @DisplayName("R6: credentials Twilio does not accept are refused with its reason, for the account and its numbers alike")
    void refusedCredentials() {
        TwilioApi api = api(10, -1);
        ProviderSecrets wrong = new ProviderSecrets(TwilioStandIn.ACCOUNT_SID, "not-the-token-0123456789", null, null);

        assertThatThrownBy(() -> api.verify(wrong)).isInstanceOf(ProviderRefusedCredentialsException.class)
                .hasMessage("HTTP 401: Authenticate (error 20003)");
        assertThatThrownBy(() -> api.listNumbers(wrong, page -> { }))
                .isInstanceOf(ProviderRefusedCredentialsException.class);
        api.verify(GOOD);
        assertThat(standIn.requests()).last().isEqualTo("GET /2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID
                + ".json -> 200");
    }

    @Test
    @DisplayName("§6: a provider that cannot be reached is reported unavailable after the configured attempts")
    void unreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioApi api = api(URI.create("http://127.0.0.1:" + closedPort), 2);

        assertThatThrownBy(() -> api.verify(GOOD)).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("after 2 attempts");
    }

    @Test
    @DisplayName("§6: the credentials never appear in what the client reports")
    void secretsStayOutOfMessages() {
        TwilioApi api = api(10, -1);
        ProviderSecrets wrong = new ProviderSecrets(TwilioStandIn.ACCOUNT_SID, "secret-token-0123456789abcdef", null,
                null);

        assertThatThrownBy(() -> api.verify(wrong)).satisfies(failure -> assertThat(failure.getMessage())
                .doesNotContain("secret-token", TwilioStandIn.ACCOUNT_SID));
        assertThat(wrong.toString()).doesNotContain("secret-token-0123456789abcdef");
    }
}
