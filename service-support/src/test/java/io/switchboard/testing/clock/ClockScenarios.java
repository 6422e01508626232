package io.switchboard.testing.clock;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a {@link ClockSensitiveTest} at each instant listed in the system property {@value #PROPERTY}
 * (comma-separated ISO-8601 instants; the build lists the awkward ones), or once at the real time when the property
 * is not set. Before each run the service's {@link TestClock} stands at the instant.
 */
public final class ClockScenarios implements TestTemplateInvocationContextProvider {

    public static final String PROPERTY = "switchboard.test.clock-scenarios";
    public static final String TAG = "clock-sensitive";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(ClockSensitiveTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        List<Instant> instants = instants(System.getProperty(PROPERTY, ""));
        return instants.isEmpty() ? Stream.of(scenario(null)) : instants.stream().map(ClockScenarios::scenario);
    }

    static List<Instant> instants(String property) {
        return Arrays.stream(property.split(",")).map(String::strip).filter(value -> !value.isEmpty())
                .map(Instant::parse).toList();
    }

    private static TestTemplateInvocationContext scenario(Instant instant) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return instant == null ? "[at the real time]" : "[at " + instant + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of((BeforeEachCallback) context -> clockOf(context).startScenario(instant));
            }
        };
    }

    private static TestClock clockOf(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBeanProvider(TestClock.class).getIfAvailable(() -> {
            throw new IllegalStateException("a @ClockSensitiveTest needs a TestClock as its service's clock: "
                    + "import TestClockConfiguration in " + context.getRequiredTestClass().getSimpleName());
        });
    }
}
