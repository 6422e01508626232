package io.switchboard.command.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.Capability;
import io.switchboard.api.common.Provider;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Twilio's REST API (2010-04-01): the account resource to verify credentials, and IncomingPhoneNumbers, followed
 * page by page through {@code next_page_uri}. Authenticates as the Account SID with its auth token, or as an API
 * key with its secret (the SID then only names the account).
 */
class TwilioApi implements ProviderApi {

    private final ProviderHttp http;
    private final ProviderApiProperties properties;

    TwilioApi(ProviderHttp http, ProviderApiProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    @Override
    public Provider provider() {
        return Provider.TWILIO;
    }

    @Override
    public void verify(ProviderSecrets secrets) {
        get(accountPath(secrets) + ".json", secrets);
    }

    @Override
    public void listNumbers(ProviderSecrets secrets, Consumer<List<ProviderNumber>> pages) {
        String next = accountPath(secrets) + "/IncomingPhoneNumbers.json?PageSize=" + properties.pageSize();
        while (next != null) {
            JsonNode page = get(next, secrets);
            List<ProviderNumber> numbers = new ArrayList<>();
            page.path("incoming_phone_numbers").forEach(number -> numbers.add(number(number)));
            pages.accept(numbers);
            next = page.path("next_page_uri").textValue();
        }
    }

    private JsonNode get(String pathAndQuery, ProviderSecrets secrets) {
        boolean apiKey = secrets.apiKey() != null;
        return http.get(properties.twilioApiUrl().resolve(pathAndQuery), apiKey ? secrets.apiKey()
                : secrets.providerAccountId(), apiKey ? secrets.apiSecret() : secrets.token());
    }

    private static String accountPath(ProviderSecrets secrets) {
        return "/2010-04-01/Accounts/" + URLEncoder.encode(secrets.providerAccountId(), StandardCharsets.UTF_8);
    }

    private static ProviderNumber number(JsonNode number) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        number.path("capabilities").fields().forEachRemaining(capability -> {
            if (capability.getValue().asBoolean()) {
                capabilityNamed(capability.getKey()).ifPresent(capabilities::add);
            }
        });
        Map<String, String> refs = new LinkedHashMap<>();
        refs.put("twilioSid", number.path("sid").asText());
        if (number.path("trunk_sid").isTextual()) {
            refs.put("twilioTrunkSid", number.get("trunk_sid").asText());
        }
        return new ProviderNumber(number.path("phone_number").asText(), number.path("friendly_name").textValue(),
                capabilities, refs);
    }

    private static Optional<Capability> capabilityNamed(String twilioName) {
        return switch (twilioName.toLowerCase()) {
            case "voice" -> Optional.of(Capability.VOICE);
            case "sms" -> Optional.of(Capability.SMS);
            case "mms" -> Optional.of(Capability.MMS);
            case "fax" -> Optional.of(Capability.FAX);
            default -> Optional.empty();
        };
    }
}
