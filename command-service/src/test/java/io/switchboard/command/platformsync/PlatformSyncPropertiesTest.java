package io.switchboard.command.platformsync;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformSyncPropertiesTest {

    @Test
    @DisplayName("§6: an enabled sync without an API key does not start and says what to set; the key is never"
            + " printed")
    void theApiKeyIsRequiredAndNeverShown() {
        PlatformSyncProperties.Vapi withoutKey = new PlatformSyncProperties.Vapi(null, " ", null);
        PlatformSyncProperties.Vapi withKey = new PlatformSyncProperties.Vapi("https://api.vapi.ai/", "sk-secret-1",
                null);

        assertThatThrownBy(withoutKey::requireComplete).hasMessageContaining("SWITCHBOARD_VAPI_API_KEY");
        assertThat(withKey.baseUrl()).isEqualTo("https://api.vapi.ai");
        assertThat(withKey.toString()).doesNotContain("sk-secret-1").contains("apiKey=set");
        assertThat(new PlatformSyncProperties(withKey, null).toString()).doesNotContain("sk-secret-1");
    }

    @Test
    @DisplayName("R10: the wait between attempts doubles from the initial backoff up to the maximum")
    void backoffIsExponentialAndCapped() {
        PlatformSyncProperties.Retry retry = new PlatformSyncProperties.Retry(6, Duration.ofMillis(500),
                Duration.ofSeconds(3));

        assertThat(retry.backoffAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(retry.backoffAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.backoffAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.backoffAfter(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(retry.backoffAfter(60)).isEqualTo(Duration.ofSeconds(3));
    }
}
