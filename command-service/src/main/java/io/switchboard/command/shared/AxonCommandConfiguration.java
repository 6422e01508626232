package io.switchboard.command.shared;

import io.switchboard.api.stream.EventMetadata;
import io.switchboard.command.idempotency.IdempotencyInterceptor;
import io.switchboard.command.idempotency.IdempotencyStore;
import io.switchboard.command.registry.RegistryProjection;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How commands are handled: outcome and idempotency around every handler, audit metadata on every event. */
@Configuration
public class AxonCommandConfiguration {

    /** Who did it and in which request: copied from each command onto every event it causes. */
    @Bean
    static CorrelationDataProvider auditMetadata() {
        return new SimpleCorrelationDataProvider(EventMetadata.ACTOR_ID, EventMetadata.CORRELATION_ID);
    }

    @Autowired
    void interceptCommands(CommandBus commandBus, EventBus eventBus, IdempotencyStore idempotency) {
        eventBus.registerDispatchInterceptor(new AppliedEvents());
        // outermost first: a replayed idempotent request returns its stored outcome without reaching a handler
        commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(idempotency));
        commandBus.registerHandlerInterceptor(new CommandOutcomeInterceptor());
    }

    /** The registry decides cross-aggregate rules, so a failure to update it must fail the command. */
    @Autowired
    void registryFailsCommands(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(RegistryProjection.GROUP)
                .registerListenerInvocationErrorHandler(RegistryProjection.GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
