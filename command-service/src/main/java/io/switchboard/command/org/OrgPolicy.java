package io.switchboard.command.org;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.org.ChangeOrgPolicy;
import io.switchboard.api.org.OrgPolicyChanged;
import io.switchboard.command.shared.Refusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** R12, R17: an org's policy; its id is the org id. */
@Aggregate
class OrgPolicy {

    static final String DEFAULT_TIME_ZONE = "UTC";

    @AggregateIdentifier
    private String orgId;
    private Integer maxNumbersPerAgent;
    private String timeZone;

    OrgPolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeOrgPolicy command) {
        Integer max = command.maxNumbersPerAgent();
        if (max != null && max < 1) {
            throw Refusal.invalid("maxNumbersPerAgent", "must be at least 1, or absent for unlimited");
        }
        String zone = zoneId(command.timeZone());
        if (orgId == null || !Objects.equals(max, maxNumbersPerAgent) || !zone.equals(timeZone)) {
            apply(new OrgPolicyChanged(command.orgId(), max, zone));
        }
    }

    private static String zoneId(String requested) {
        if (requested == null) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(requested).getId();
        } catch (DateTimeException e) {
            throw new Refusal(ErrorCode.INVALID_TIME_ZONE, "'" + requested + "' is not an IANA time zone id",
                    "timeZone");
        }
    }

    @EventSourcingHandler
    void on(OrgPolicyChanged event) {
        orgId = event.orgId();
        maxNumbersPerAgent = event.maxNumbersPerAgent();
        timeZone = event.timeZone();
    }
}
