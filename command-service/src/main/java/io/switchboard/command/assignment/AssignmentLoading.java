package io.switchboard.command.assignment;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How an Assignment is loaded without replaying its calls: a hot one stays in memory between commands, a cold
 * one starts from its last snapshot. A cached Assignment that another instance has moved on from is stale only
 * until it tries to append: the event store's unique (aggregate, sequence) key refuses it, the rollback evicts it
 * and the command is decided again on the stored state.
 */
@Configuration
class AssignmentLoading {

    static final String TRIGGER = "assignmentSnapshotTrigger";
    static final String CACHE = "assignmentCache";
    static final int EVENTS_BETWEEN_SNAPSHOTS = 100;

    @Bean(TRIGGER)
    SnapshotTriggerDefinition assignmentSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }

    /** Weakly held: memory pressure empties it, and a missing entry only costs a snapshot load. */
    @Bean(CACHE)
    Cache assignmentCache() {
        return new WeakReferenceCache();
    }
}
