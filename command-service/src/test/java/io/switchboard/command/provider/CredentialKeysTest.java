package io.switchboard.command.provider;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialKeysTest {

    private static final String KEY = CredentialCipherTest.randomKey();

    private static CredentialKeys keys(Map<String, String> keys, String active) {
        return CredentialKeys.from(new CredentialProperties(keys, active, null));
    }

    @Test
    @DisplayName("§6: without an active key the service does not start, and says what to set")
    void activeKeyRequired() {
        assertThatThrownBy(() -> keys(Map.of("k1", KEY), null))
                .hasMessageContaining("SWITCHBOARD_CREDENTIALS_ACTIVE_KEY")
                .hasMessageContaining("SWITCHBOARD_CREDENTIALS_KEYS_");
        assertThatThrownBy(() -> keys(Map.of("k1", KEY), "k2"))
                .hasMessageContaining("no key 'k2' is configured").hasMessageContaining("SWITCHBOARD_CREDENTIALS_KEYS_K2")
                .hasMessageContaining("[k1]");
    }

    @Test
    @DisplayName("§6: a key that is not 32 bytes of base64 stops the start, and the message does not show it")
    void keysMustBe256Bits() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> keys(Map.of("k1", short16), "k1"))
                .hasMessageContaining("switchboard.credentials.keys.k1").hasMessageContaining("16 bytes")
                .message().doesNotContain(short16);
        assertThatThrownBy(() -> keys(Map.of("k1", "not base64 at all!"), "k1"))
                .hasMessageContaining("not base64").message().doesNotContain("not base64 at all!");
        String tooLong = Base64.getEncoder().encodeToString(new byte[33]);
        assertThatThrownBy(() -> keys(Map.of("k1", KEY, "old", tooLong), "k1"))
                .hasMessageContaining("switchboard.credentials.keys.old");
    }

    @Test
    @DisplayName("§6: key ids are letters and digits, without case; a blank key is no key")
    void keyIds() {
        CredentialKeys keys = keys(Map.of("K1", KEY, "old", " "), "k1");
        assertThat(keys.activeKeyId()).isEqualTo("k1");
        assertThat(keys.key("old")).isEmpty();
        assertThatThrownBy(() -> keys(Map.of("key-1", KEY), "key-1")).hasMessageContaining("not a valid key id");
        assertThat(keys.toString()).doesNotContain(KEY);
        assertThat(new CredentialProperties(Map.of("k1", KEY), "k1", null).toString()).doesNotContain(KEY);
    }

    @Test
    @DisplayName("§6: SWITCHBOARD_CREDENTIALS_KEYS_<ID> and SWITCHBOARD_CREDENTIALS_ACTIVE_KEY bind from the environment")
    void environmentVariablesBind() {
        String other = CredentialCipherTest.randomKey();
        MutablePropertySources sources = new StandardEnvironment().getPropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("test-"
                + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("SWITCHBOARD_CREDENTIALS_KEYS_K2024", KEY, "SWITCHBOARD_CREDENTIALS_KEYS_K2025", other,
                "SWITCHBOARD_CREDENTIALS_ACTIVE_KEY", "K2025")));

        CredentialProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                .bind("switchboard.credentials", CredentialProperties.class).get();
        CredentialKeys keys = CredentialKeys.from(properties);

        assertThat(properties.keys()).containsOnlyKeys("k2024", "k2025");
        assertThat(keys.activeKeyId()).isEqualTo("k2025");
        assertThat(keys.key("k2024")).isPresent();
    }
}
