package io.switchboard.command.shared;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.function.BiFunction;

/** Tells the command's {@link PendingOutcome} which versions its events gave their aggregates. */
public class AppliedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    static final String OUTCOME = PendingOutcome.class.getName();

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            if (event instanceof DomainEventMessage<?> domainEvent && CurrentUnitOfWork.isStarted()) {
                PendingOutcome outcome = CurrentUnitOfWork.get().root().getResource(OUTCOME);
                if (outcome != null) {
                    outcome.applied(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                            domainEvent.getPayload());
                }
            }
            return event;
        };
    }
}
