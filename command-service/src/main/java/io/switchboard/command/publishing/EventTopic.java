package io.switchboard.command.publishing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The audit topic, created with its settings the first time the publisher needs it: it keeps everything
 * (no time- or size-based deletion), so a consumer can always rebuild from offset 0, and stamps each record with
 * the broker's append time.
 */
class EventTopic {

    private final Admin admin;
    private final EventStreamProperties properties;
    private volatile boolean exists;

    EventTopic(Admin admin, EventStreamProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    String name() {
        return properties.topic();
    }

    void ensureExists() throws InterruptedException, TimeoutException {
        if (exists) {
            return;
        }
        NewTopic topic = new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor())
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        // a record's timestamp is when the broker appended it, so a consumer can measure publish lag
                        TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime",
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                        String.valueOf(Math.max(1, properties.replicationFactor() - 1))));
        try {
            admin.createTopics(Set.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + properties.topic(), e.getCause());
            }
        }
        awaitLeaders();
        exists = true;
    }

    /**
     * An idempotent producer sending into partitions whose leaders are still being elected can append a later
     * batch before an earlier one (KAFKA-15591); so the first send waits until every partition has a leader.
     */
    private void awaitLeaders() throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription description = admin.describeTopics(Set.of(properties.topic()))
                        .allTopicNames().get(10, TimeUnit.SECONDS).get(properties.topic());
                if (description.partitions().stream().allMatch(partition -> partition.leader() != null)) {
                    return;
                }
            } catch (ExecutionException notYetVisible) {
                // metadata of a just-created topic propagates shortly
            }
            Thread.sleep(100);
        }
        throw new TimeoutException("partitions of " + properties.topic() + " have no leader yet");
    }
}
