package io.switchboard.command.platformsync;

import io.switchboard.api.common.Role;
import io.switchboard.command.CommandServiceApplication;
import io.switchboard.command.api.HttpClientSupport;
import io.switchboard.command.api.HttpClientSupport.Reply;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 7: the local stack has no voice platform; with none configured the outbound sync does not run at all. */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformSyncDisabledTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HttpClientSupport.serviceWithoutKafka(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    @DisplayName("R10: without a configured platform there is no sync processor and no queue; the list says so")
    void nothingRunsWithoutAPlatform() {
        String operator = HttpClientSupport.token("platform", "operator", Role.PLATFORM_ADMIN);
        HttpClientSupport http = new HttpClientSupport(port);

        Reply listed = http.send("GET", PlatformSyncAdminController.DEAD_LETTERS, operator, null);
        Reply retried = http.send("POST", PlatformSyncAdminController.DEAD_LETTERS + "/" + UUID.randomUUID() + "/retry",
                operator, null);

        assertThat(processing.eventProcessor(PlatformSync.GROUP)).isEmpty();
        assertThat(processing.deadLetterQueue(PlatformSync.GROUP)).isEmpty();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get("syncEnabled").asBoolean()).isFalse();
        assertThat(listed.body().get("total").asLong()).isZero();
        assertThat(listed.body().get("items")).isEmpty();
        assertThat(retried.status()).isEqualTo(404);
    }
}
