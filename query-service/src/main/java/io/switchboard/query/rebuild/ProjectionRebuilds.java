package io.switchboard.query.rebuild;

import io.switchboard.api.query.ProjectionProgress;
import io.switchboard.api.query.ProjectionRebuild;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds read models from the event store (SPEC §5), one tracking processor ("projection") or all of them. For
 * each: stop it, reset its tokens (Axon calls the projection's {@code @ResetHandler}, which empties its tables, and
 * sets a replay token at the start of the store, in one transaction), start it again; it then replays every event
 * and carries on live. Progress is sampled from the processors' tracking status against the store's head position
 * taken once they had stopped. Read models answer while they are rebuilt, with what has been replayed so far;
 * {@code X-Min-Position} waits for the replay to pass the position it names.
 * <p>
 * The processors must run in this instance: resetting claims every segment, so a processor whose segments another
 * query-service instance holds cannot be reset (stop the other instances first); the rebuild then fails and the
 * processor is started again as it was.
 */
@Component
public class ProjectionRebuilds {

    /** Rebuilds every projection. */
    public static final String ALL = "all";

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final long SAMPLE_MILLIS = 200;
    private static final int JOBS_KEPT = 20;
    private static final Duration CLAIM_WARNING = Duration.ofSeconds(30);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("projection-rebuild"));
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(daemon("projection-rebuild-progress"));
    private final Map<String, RebuildJob> jobs = new LinkedHashMap<>();

    ProjectionRebuilds(EventProcessingConfiguration processing, EventStore eventStore, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /** The names of the projections, which {@link #start} accepts besides {@value #ALL}. */
    public List<String> names() {
        return processors().stream().map(TrackingEventProcessor::getName).sorted().toList();
    }

    /** Where every projection is now. */
    public List<ProjectionProgress> positions() {
        return processors().stream().sorted(Comparator.comparing(TrackingEventProcessor::getName))
                .map(ProjectionRebuilds::progress).toList();
    }

    /**
     * Starts rebuilding one projection, or all; answers at once with the running job.
     *
     * @throws UnknownProjectionException when no projection has that name
     * @throws RebuildRunningException    when a rebuild of one of those projections is running
     */
    public synchronized ProjectionRebuild start(String name) {
        List<TrackingEventProcessor> selected = ALL.equals(name) ? processors()
                : processors().stream().filter(processor -> processor.getName().equals(name)).toList();
        if (selected.isEmpty()) {
            throw new UnknownProjectionException(name, names());
        }
        List<String> names = selected.stream().map(TrackingEventProcessor::getName).sorted().toList();
        for (RebuildJob job : jobs.values()) {
            if (job.running() && job.projections().stream().anyMatch(names::contains)) {
                throw new RebuildRunningException(job.id());
            }
        }
        RebuildJob job = new RebuildJob(UUID.randomUUID().toString(), names, clock, System::nanoTime);
        remember(job);
        runner.submit(() -> run(job, selected));
        return job.view();
    }

    public synchronized Optional<ProjectionRebuild> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId)).map(RebuildJob::view);
    }

    @PreDestroy
    void stop() {
        sampler.shutdownNow();
        runner.shutdownNow();
    }

    private void run(RebuildJob job, List<TrackingEventProcessor> processors) {
        log.info("Rebuilding {}", job.projections());
        try {
            processors.forEach(TrackingEventProcessor::shutDown);
            job.replayUpTo(headPosition());
            processors.forEach(TrackingEventProcessor::resetTokens);
        } catch (RuntimeException failure) {
            log.warn("Rebuild of {} failed before replaying", job.projections(), failure);
            job.failed("could not reset: " + failure.getMessage());
            processors.stream().filter(processor -> !processor.isRunning()).forEach(TrackingEventProcessor::start);
            return;
        }
        processors.forEach(TrackingEventProcessor::start);
        long startedNanos = System.nanoTime();
        ScheduledFuture<?>[] sampling = new ScheduledFuture<?>[1];
        sampling[0] = sampler.scheduleAtFixedRate(() -> {
            try {
                sample(job, processors, startedNanos);
            } catch (RuntimeException unexpected) {
                log.warn("Could not sample the progress of rebuild {}", job.id(), unexpected);
            }
            if (!job.running()) {
                log.info("Rebuild of {}: {}", job.projections(), job.view());
                sampling[0].cancel(false);
            }
        }, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void sample(RebuildJob job, List<TrackingEventProcessor> processors, long startedNanos) {
        List<ProjectionProgress> positions = new ArrayList<>();
        boolean allReached = true;
        for (TrackingEventProcessor processor : processors) {
            if (!processor.isRunning()) {
                job.failed(processor.getName() + " stopped while rebuilding");
                return;
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            ProjectionProgress progress = progress(processor.getName(), status.values());
            if (status.isEmpty() && System.nanoTime() - startedNanos > CLAIM_WARNING.toNanos()) {
                progress = new ProjectionProgress(progress.name(), 0, true,
                        "no segment claimed yet: is another query-service instance processing it?");
            }
            positions.add(progress);
            allReached &= !status.isEmpty() && progress.position() >= job.total();
        }
        job.observe(positions, allReached);
    }

    private static ProjectionProgress progress(TrackingEventProcessor processor) {
        return progress(processor.getName(), processor.processingStatus().values());
    }

    /** The position every segment has passed; the error one of them is retrying after, if any. */
    private static ProjectionProgress progress(String name, Collection<EventTrackerStatus> segments) {
        long position = segments.stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0))
                .min().orElse(0);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        String error = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(segment -> String.valueOf(segment.getError())).findFirst().orElse(null);
        return new ProjectionProgress(name, position, replaying, error);
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private List<TrackingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance)
                .map(TrackingEventProcessor.class::cast)
                .toList();
    }

    private void remember(RebuildJob job) {
        jobs.put(job.id(), job);
        if (jobs.size() > JOBS_KEPT) {
            jobs.values().stream().filter(kept -> !kept.running()).findFirst()
                    .ifPresent(oldest -> jobs.remove(oldest.id()));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** No projection of that name. */
    public static final class UnknownProjectionException extends RuntimeException {
        public UnknownProjectionException(String name, List<String> known) {
            super("no projection '" + name + "'; the projections are " + known + ", or " + ALL);
        }
    }

    /** A rebuild of the same projections is running. */
    public static final class RebuildRunningException extends RuntimeException {
        private final String jobId;

        public RebuildRunningException(String jobId) {
            super("rebuild " + jobId + " of these projections is still running");
            this.jobId = jobId;
        }

        public String jobId() {
            return jobId;
        }
    }
}
