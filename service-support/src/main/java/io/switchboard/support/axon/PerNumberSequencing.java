package io.switchboard.support.axon;

import io.switchboard.api.assignment.AssignmentEvent;
import io.switchboard.api.number.PhoneNumberEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * One sequence per number: the number's own events and those of its assignments (another aggregate) share it, so a
 * processor handles them in order however it is split, and a dead-letter queue parks them together. Any other
 * event is sequenced by its aggregate.
 */
public final class PerNumberSequencing implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        String numberId = payload instanceof PhoneNumberEvent number ? number.numberId()
                : payload instanceof AssignmentEvent assignment ? assignment.numberId() : null;
        return numberId != null ? numberId : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
