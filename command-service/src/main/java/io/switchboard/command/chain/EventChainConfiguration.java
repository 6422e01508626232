package io.switchboard.command.chain;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every event the command service stores is a link in its aggregate's tamper-evident chain. */
@Configuration
class EventChainConfiguration {

    @Autowired
    void chainEvents(EventBus eventBus, JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        eventBus.registerDispatchInterceptor(new EventChaining(new ChainHeads(jdbc), eventSerializer));
    }
}
