package io.switchboard.command.shared;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * Every command answers the same way, whichever handler took it: a {@link PendingOutcome} for the aggregate the
 * command targets, completed as its events are committed. Handlers therefore return nothing of their own.
 */
public class CommandOutcomeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        PendingOutcome outcome = new PendingOutcome(targets.resolveTarget(unitOfWork.getMessage()).getIdentifier());
        unitOfWork.root().resources().put(AppliedEvents.OUTCOME, outcome);
        chain.proceed();
        return outcome;
    }
}
