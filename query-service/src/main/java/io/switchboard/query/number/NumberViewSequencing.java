package io.switchboard.query.number;

import io.switchboard.api.assignment.AssignmentEvent;
import io.switchboard.api.number.PhoneNumberEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The number-view processor (ReadModelProcessors registers this policy) keeps every event of one number in one sequence,
 * the number's own and its assignments', so that they are handled in order by one segment however the processor
 * is split.
 */
@Configuration
class NumberViewSequencing {

    @Bean
    SequencingPolicy<EventMessage<?>> numberSequencingPolicy() {
        return event -> {
            Object payload = event.getPayload();
            if (payload instanceof PhoneNumberEvent number) {
                return number.numberId();
            }
            if (payload instanceof AssignmentEvent assignment) {
                return assignment.numberId();
            }
            return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        };
    }
}
