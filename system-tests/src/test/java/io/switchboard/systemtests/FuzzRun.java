package io.switchboard.systemtests;

import io.switchboard.api.assignment.CallRefused;
import io.switchboard.api.number.NumberFailed;
import io.switchboard.api.provider.ProviderAccountVerificationFailed;
import io.switchboard.systemtests.ApiOperation.Service;
import io.switchboard.systemtests.Breaches.Breach;
import io.switchboard.systemtests.EventStoreWatch.StoredEvent;
import io.switchboard.systemtests.FuzzClient.Answer;
import io.switchboard.systemtests.ReadModelCheck.Stopped;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the fuzzed requests, every operation once a round in a drawn order, and checks each reply
 * ({@link FuzzOracle}), the event store after each command ({@link EventStoreWatch}) and, when a read answers that
 * the read models are behind, whether they stopped ({@link ReadModelCheck}); at the end, that the read models took
 * everything and that no service logged an ERROR ({@link ServiceLogs}). Commands go one at a time, so that the
 * event store's head tells what each wrote; a read (the query service writes no event) stays in flight while the
 * next command is sent, so that both cores of a small machine work.
 */
final class FuzzRun {

    /**
     * Events that record a refusal for audit: a refused call (SPEC R15), a provider account failing verification
     * and the numbers naming it marked ERROR (R6).
     */
    private static final Set<String> RECORDED_REFUSALS = Set.of(CallRefused.class.getName(),
            ProviderAccountVerificationFailed.class.getName(), NumberFailed.class.getName());
    private static final Set<Integer> RECORDED_REFUSAL_STATUSES = Set.of(409, 422, 429);
    /** How Axon's logging error handler names the event a handler failed on. */
    private static final Pattern FAILED_EVENT = Pattern.compile("failed to handle event \\[([^]]+)]");
    /** Accepted commands remembered, to name the one whose event stopped a read model. */
    private static final int REMEMBERED = 2_000;

    private final List<ApiOperation> operations;
    private final FuzzWorld world;
    private final Draw draw;
    private final FuzzRequests requests;
    private final EventStoreWatch events;
    private final ReadModelCheck readModels;
    private final String setupCorrelationId;
    private final FuzzClient client = new FuzzClient();
    private final FuzzTally tally;
    private final BitSet accepted = new BitSet();
    private final Map<Integer, String> acceptedCommands = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Breaches breaches = new Breaches();
    private long head;
    private FuzzRequest read;
    private CompletableFuture<Answer> readAnswer;

    FuzzRun(List<ApiOperation> operations, FuzzWorld world, Draw draw, FuzzRequests requests, EventStoreWatch events,
            ReadModelCheck readModels, String setupCorrelationId) {
        this.operations = operations;
        this.world = world;
        this.draw = draw;
        this.requests = requests;
        this.events = events;
        this.readModels = readModels;
        this.setupCorrelationId = setupCorrelationId;
        this.tally = new FuzzTally(operations);
    }

    void send(int count) {
        List<ApiOperation> round = List.of();
        for (int index = 0; index < count; index++) {
            if (index % operations.size() == 0) {
                world.replenish();
                head = events.head();
                round = draw.shuffled(operations);
            }
            FuzzRequest request = requests.next(index, round.get(index % operations.size()));
            if (request.operation().service() == Service.QUERY) {
                takeRead();
                read = request;
                readAnswer = client.send(request);
            } else {
                take(request, client.send(request).join());
            }
        }
        takeRead();
    }

    /**
     * After the last request: the read models took everything that was accepted, and neither service logged an
     * ERROR meanwhile (an event a read model failed to handle names the request that wrote it).
     */
    void finish(ServiceLogs logs) {
        if (world.readModelsKeepUp()) {
            checkReadModels();
        }
        for (String error : logs.errors()) {
            Matcher event = FAILED_EVENT.matcher(error);
            String written = event.find() ? events.event(event.group(1))
                    .map(stored -> "\n  the event: " + stored + ", written by " + origin(stored.correlationId()))
                    .orElse("") : "";
            breaches.add(new Breach("an ERROR logged", error + written), null, null);
        }
    }

    FuzzTally tally() {
        return tally;
    }

    Breaches breaches() {
        return breaches;
    }

    /** The read in flight, if any: its answer is checked before the next read is sent. */
    private void takeRead() {
        if (read != null) {
            take(read, readAnswer.join());
            read = null;
        }
    }

    private void take(FuzzRequest request, Answer answer) {
        ApiOperation operation = request.operation();
        FuzzReply reply = answer.reply();
        if (reply == null) {
            tally.noReply(operation, answer.nanos());
            breaches.add(new Breach("no reply", answer.noReply().toString()), request, "nothing");
            if (operation.service() == Service.COMMAND) {
                head = events.head();
            }
            return;
        }
        tally.count(operation, reply, answer.nanos());
        world.learn(request, reply);
        FuzzOracle.breaches(request, reply).forEach(breach -> breaches.add(breach, request, reply.toString()));
        if (operation.service() == Service.COMMAND) {
            checkNothingWritten(request, reply);
        }
        if (reply.json().path("code").asText().equals("READ_MODEL_BEHIND") && world.readModelsKeepUp()) {
            checkReadModels();
        }
        if (reply.statusClass() < 4) {
            accepted.set(request.index());
            if (operation.service() == Service.COMMAND) {
                acceptedCommands.put(request.index(), request.describe());
            }
        }
    }

    /**
     * A refused command wrote nothing: the event store's head did not move. Should it have moved, the events that
     * carry the correlation id of an earlier accepted request are not this one's doing; any other is, but the
     * domain's own record of a refusal (a 409, 422 or 429 that the domain refused and audits).
     */
    private void checkNothingWritten(FuzzRequest request, FuzzReply reply) {
        long now = events.head();
        if (reply.statusClass() >= 4 && now != head) {
            boolean recordable = RECORDED_REFUSAL_STATUSES.contains(reply.status());
            List<StoredEvent> written = events.after(head).stream()
                    .filter(event -> !acceptedEarlier(event.correlationId()))
                    .filter(event -> !(recordable && RECORDED_REFUSALS.contains(event.type()))).toList();
            if (!written.isEmpty()) {
                breaches.add(new Breach("a refused request that wrote", "it wrote " + written), request,
                        reply.toString());
            }
        }
        head = now;
    }

    private void checkReadModels() {
        List<Stopped> stopped = readModels.stoppedBefore(world.position(), world.token(Caller.PLATFORM_ADMIN));
        if (stopped.isEmpty()) {
            return;
        }
        world.readModelsStopped();
        String cause = ReadModelCheck.lowest(stopped).stream().boxed().flatMap(at -> events.after(at).stream())
                .findFirst().map(event -> event + ", written by " + origin(event.correlationId()))
                .orElse("an event not found");
        breaches.add(new Breach("read models stopped", "the read models stopped: " + stopped
                + "\n  the event they could not take: " + cause), null, null);
    }

    private String origin(String correlationId) {
        if (setupCorrelationId.equals(correlationId)) {
            return "the fuzzer's set-up";
        }
        int index = requests.indexOf(correlationId);
        return index < 0 ? "no fuzzed request" : acceptedCommands.getOrDefault(index, "request #" + index
                + " (no longer remembered: replay with the seed and -Dswitchboard.fuzz.requests=" + (index + 1) + ")");
    }

    private boolean acceptedEarlier(String correlationId) {
        int index = requests.indexOf(correlationId);
        return setupCorrelationId.equals(correlationId) || index >= 0 && accepted.get(index);
    }
}
