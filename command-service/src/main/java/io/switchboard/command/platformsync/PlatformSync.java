package io.switchboard.command.platformsync;

import io.switchboard.api.assignment.AssignedToAgent;
import io.switchboard.api.assignment.UnassignedFromAgent;
import io.switchboard.api.number.NumberDetailsChanged;
import io.switchboard.api.number.NumberImported;
import io.switchboard.api.number.NumberReleased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

import java.util.Map;

/**
 * Pushes what a voice platform needs to know to it: which assistant answers a number (on assign, unassign, and when
 * an assigned number gets its platform reference) and that a released number is gone. Only numbers whose
 * {@code platformRefs} hold a Vapi phone-number id under {@value #VAPI_REFERENCE} are synced; the others are skipped.
 * Agents carry no platform reference of their own, so the agent's id is the assistant id the platform is given.
 * <p>
 * A tracking processor of its own, sequenced per number: an event whose delivery keeps failing is parked in the
 * dead-letter queue, and the number's later events are parked behind it until an operator retries them. Each
 * handler calls the platform before it records what it did, so a parked event is handled again from the same state.
 */
@ProcessingGroup(PlatformSync.GROUP)
class PlatformSync {

    static final String GROUP = "platform-sync";
    static final String VAPI_REFERENCE = "vapi";

    private final SyncedNumbers numbers;
    private final VoicePlatform platform;
    private final RetryingDelivery delivery;

    PlatformSync(SyncedNumbers numbers, VoicePlatform platform, RetryingDelivery delivery) {
        this.numbers = numbers;
        this.platform = platform;
        this.delivery = delivery;
    }

    @EventHandler
    void on(NumberImported event) {
        numbers.referTo(event.numberId(), vapiPhoneNumberId(event.details().platformRefs()));
    }

    @EventHandler
    void on(NumberDetailsChanged event) {
        Map<String, String> platformRefs = event.changed().platformRefs();
        if (platformRefs == null) {
            return;
        }
        String vapiId = vapiPhoneNumberId(platformRefs);
        numbers.find(event.numberId())
                .filter(before -> before.agentId() != null && vapiId != null
                        && !vapiId.equals(before.vapiPhoneNumberId()))
                .ifPresent(before -> delivery.deliver(event.numberId(), "assign",
                        () -> platform.assign(vapiId, before.agentId())));
        numbers.referTo(event.numberId(), vapiId);
    }

    @EventHandler
    void on(AssignedToAgent event) {
        numbers.vapiPhoneNumberIdOf(event.numberId()).ifPresent(vapiId -> delivery.deliver(event.numberId(), "assign",
                () -> platform.assign(vapiId, event.agentId())));
        numbers.assign(event.numberId(), event.agentId());
    }

    @EventHandler
    void on(UnassignedFromAgent event) {
        numbers.vapiPhoneNumberIdOf(event.numberId()).ifPresent(vapiId -> delivery.deliver(event.numberId(),
                "unassign", () -> platform.unassign(vapiId)));
        numbers.assign(event.numberId(), null);
    }

    @EventHandler
    void on(NumberReleased event) {
        numbers.vapiPhoneNumberIdOf(event.numberId()).ifPresent(vapiId -> delivery.deliver(event.numberId(),
                "release", () -> platform.release(vapiId)));
        numbers.forget(event.numberId());
    }

    @ResetHandler
    void reset() {
        numbers.clear();
    }

    private static String vapiPhoneNumberId(Map<String, String> platformRefs) {
        return platformRefs == null ? null : platformRefs.get(VAPI_REFERENCE);
    }
}
