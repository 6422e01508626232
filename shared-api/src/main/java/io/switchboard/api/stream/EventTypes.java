package io.switchboard.api.stream;

import io.switchboard.api.agent.AgentRegistered;
import io.switchboard.api.agent.AgentRenamed;
import io.switchboard.api.agent.AgentRetired;
import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.AssignmentLimitsChanged;
import io.switchboard.api.assignment.CallCounted;
import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.number.NumberActivated;
import io.switchboard.api.number.NumberDeactivated;
import io.switchboard.api.number.NumberDetailsChanged;
import io.switchboard.api.number.NumberFailed;
import io.switchboard.api.number.NumberImported;
import io.switchboard.api.number.NumberReleased;
import io.switchboard.api.number.NumberTransferred;
import io.switchboard.api.org.OrgPolicyChanged;
import io.switchboard.api.provider.ProviderAccountCredentialsReencrypted;
import io.switchboard.api.provider.ProviderAccountRegistered;
import io.switchboard.api.provider.ProviderAccountRemoved;
import io.switchboard.api.provider.ProviderAccountVerificationFailed;
import io.switchboard.api.provider.ProviderAccountVerified;

import java.util.Map;
import java.util.Optional;

/**
 * The published name of every event: the CloudEvents {@code type} on Kafka. These names are a versioned public
 * contract, written out here rather than derived from Java class names, so renaming a class changes nothing
 * that consumers see. A new shape of an event gets a new name ending in the next version.
 */
public final class EventTypes {

    /** What a published event is about: the CloudEvents {@code aggregatetype} extension. */
    public enum AggregateType {
        PHONE_NUMBER("phone-number"), AGENT("agent"), ASSIGNMENT("assignment"), ORG_POLICY("org-policy"),
        PROVIDER_ACCOUNT("provider-account");

        private final String published;

        AggregateType(String published) {
            this.published = published;
        }

        public String published() {
            return published;
        }
    }

    /** One published event type. */
    public record EventType(String name, AggregateType aggregateType) {
    }

    private static final Map<Class<?>, EventType> TYPES = Map.ofEntries(
            Map.entry(NumberImported.class, number("imported")),
            Map.entry(NumberDetailsChanged.class, number("details-changed")),
            Map.entry(NumberActivated.class, number("activated")),
            Map.entry(NumberDeactivated.class, number("deactivated")),
            Map.entry(NumberFailed.class, number("failed")),
            Map.entry(NumberTransferred.class, number("transferred")),
            Map.entry(NumberReleased.class, number("released")),
            Map.entry(AgentRegistered.class, agent("registered")),
            Map.entry(AgentRenamed.class, agent("renamed")),
            Map.entry(AgentRetired.class, agent("retired")),
            Map.entry(AssignedToAgent.class, assignment("assigned")),
            Map.entry(AssignmentLimitsChanged.class, assignment("limits-changed")),
            Map.entry(UnassignedFromAgent.class, assignment("unassigned")),
            Map.entry(CallCounted.class, assignment("call-counted")),
            Map.entry(CallRefused.class, assignment("call-refused")),
            Map.entry(OrgPolicyChanged.class, new EventType("io.switchboard.org.policy-changed.v1",
                    AggregateType.ORG_POLICY)),
            Map.entry(ProviderAccountRegistered.class, providerAccount("registered")),
            Map.entry(ProviderAccountRemoved.class, providerAccount("removed")),
            Map.entry(ProviderAccountCredentialsReencrypted.class, providerAccount("credentials-reencrypted")),
            Map.entry(ProviderAccountVerified.class, providerAccount("verified")),
            Map.entry(ProviderAccountVerificationFailed.class, providerAccount("verification-failed")));

    private EventTypes() {
    }

    public static Optional<EventType> of(Class<?> eventClass) {
        return Optional.ofNullable(TYPES.get(eventClass));
    }

    /** The published type of an event the services emit: one without a type is a programming error. */
    public static EventType published(Class<?> eventClass) {
        return of(eventClass).orElseThrow(() ->
                new IllegalStateException("no published type for " + eventClass.getName()));
    }

    /** The type of the event class of this name, as the event store records it ({@code payload_type}). */
    public static Optional<EventType> ofClassName(String className) {
        return TYPES.entrySet().stream().filter(entry -> entry.getKey().getName().equals(className))
                .map(Map.Entry::getValue).findFirst();
    }

    /** Every published event class and its type. */
    public static Map<Class<?>, EventType> all() {
        return TYPES;
    }

    private static EventType number(String what) {
        return new EventType("io.switchboard.number." + what + ".v1", AggregateType.PHONE_NUMBER);
    }

    private static EventType agent(String what) {
        return new EventType("io.switchboard.agent." + what + ".v1", AggregateType.AGENT);
    }

    private static EventType assignment(String what) {
        return new EventType("io.switchboard.assignment." + what + ".v1", AggregateType.ASSIGNMENT);
    }

    private static EventType providerAccount(String what) {
        return new EventType("io.switchboard.provideraccount." + what + ".v1", AggregateType.PROVIDER_ACCOUNT);
    }
}
