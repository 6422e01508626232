package io.switchboard.testing.identity;

import io.switchboard.support.identity.SecurityConfiguration;
import io.switchboard.support.web.ProblemWriter;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A bare web application with the services' bearer-token security and one endpoint that answers the caller.
 * It lives outside {@code io.switchboard.support}, which the services scan: this test-jar is on their test
 * class path, and nothing here may become part of them.
 */
@SpringBootConfiguration
@Import({SecurityConfiguration.class, ProblemWriter.class, WhoAmIController.class})
public class TokenTestApplication {
}
