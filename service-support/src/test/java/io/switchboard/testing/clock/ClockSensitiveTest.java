package io.switchboard.testing.clock;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test whose outcome must not depend on when it runs: it runs once per clock scenario, with the service's
 * {@link TestClock} fixed at the scenario's instant (see {@link ClockScenarios}). Its Spring context must
 * import {@link TestClockConfiguration}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(ClockScenarios.class)
@Tag(ClockScenarios.TAG)
public @interface ClockSensitiveTest {
}
