package io.switchboard.command.shared;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Remembers, per command, the highest sequence number each aggregate reached through the events it applied. */
public class AppliedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String RESOURCE = AppliedEvents.class.getName();

    static Long versionOf(UnitOfWork<?> unitOfWork, String aggregateId) {
        Map<String, Long> versions = unitOfWork.root().getResource(RESOURCE);
        return versions == null ? null : versions.get(aggregateId);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            if (event instanceof DomainEventMessage<?> domainEvent && CurrentUnitOfWork.isStarted()) {
                Map<String, Long> versions = CurrentUnitOfWork.get().root()
                        .getOrComputeResource(RESOURCE, key -> new HashMap<String, Long>());
                versions.merge(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), Math::max);
            }
            return event;
        };
    }
}
