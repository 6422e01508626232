package io.switchboard.command.bulk;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.number.BulkImport;
import io.switchboard.api.stream.EventMetadata;
import io.switchboard.command.idempotency.IdempotencyKey;
import io.switchboard.command.idempotency.IdempotencyStore;
import io.switchboard.command.shared.CommandOutcome;
import io.switchboard.command.web.CommandSender;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Starts, resumes and replays bulk imports. With an {@code Idempotency-Key} the import takes the key where single
 * commands keep theirs (bound to the org and the request's fingerprint), so the same key with the same request
 * answers the first import's results and writes nothing new, and with another request is refused.
 */
@Service
class BulkImports {

    private static final Logger log = LoggerFactory.getLogger(BulkImports.class);

    /** A bulk import as requested; {@code background} when the client asked not to wait (202). */
    record Request(Actor actor, List<SubmittedRow> rows, IdempotencyKey idempotencyKey, String correlationId,
                   boolean background) {

        /** The rows as read, whatever the format, charset or spacing they came in: what a retry must repeat. */
        String fingerprint() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(("POST " + BulkImportController.PATH
                        + "\n" + rows).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no SHA-256 in this JVM", e);
            }
        }
    }

    /** The import as it stands; {@code running} when the answer comes before its last row (202). */
    record Answer(BulkImport bulkImport, boolean running) {
    }

    private record Claim(String importId, boolean fresh) {
    }

    private final BulkImportStore store;
    private final BulkImporter importer;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transactions;
    private final ThreadPoolTaskExecutor background;

    BulkImports(BulkImportStore store, BulkImporter importer, IdempotencyStore idempotency,
                TransactionTemplate transactions,
                @Qualifier(BulkImportConfiguration.BACKGROUND) ThreadPoolTaskExecutor background) {
        this.store = store;
        this.importer = importer;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.background = background;
    }

    Answer submit(Request request) {
        Claim claim = claim(request);
        if (claim.fresh()) {
            return start(claim.importId(), request, Set.of());
        }
        BulkImportStore.StoredImport earlier = store.find(claim.importId()).orElseThrow();
        return switch (earlier.status()) {
            case COMPLETED -> new Answer(store.view(earlier), false);
            case INTERRUPTED -> store.resume(earlier.id())
                    ? start(earlier.id(), request, store.doneRows(earlier.id()))
                    : stillRunning(earlier, request);
            case RUNNING -> stillRunning(earlier, request);
        };
    }

    /** The import, when the actor may see it: its org's, and for a MEMBER only its own. */
    BulkImport find(Actor actor, String importId) {
        return store.find(importId)
                .filter(stored -> stored.orgId().equals(actor.orgId())
                        && (actor.readsWholeOrg() || stored.userId().equals(actor.userId())))
                .map(store::view)
                .orElseThrow(() -> ApiException.notFound("bulk import"));
    }

    private Claim claim(Request request) {
        Actor actor = request.actor();
        IdempotencyKey key = request.idempotencyKey();
        if (key == null) {
            String importId = UUID.randomUUID().toString();
            store.create(importId, actor.orgId(), actor.userId(), request.rows().size());
            return new Claim(importId, true);
        }
        return transactions.execute(status -> {
            idempotency.lock(key);
            Optional<IdempotencyStore.Record> earlier = idempotency.find(key);
            String fingerprint = request.fingerprint();
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(fingerprint)) {
                    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "this Idempotency-Key was already used for a different request");
                }
                return new Claim(earlier.get().outcome().aggregateId(), false);
            }
            String importId = UUID.randomUUID().toString();
            idempotency.insert(key, fingerprint, new CommandOutcome(importId, null));
            store.create(importId, actor.orgId(), actor.userId(), request.rows().size());
            return new Claim(importId, true);
        });
    }

    private Answer start(String importId, Request request, Set<Integer> done) {
        List<CheckedRow> rows = ImportRowRules.check(request.rows());
        if (request.background()) {
            background.execute(() -> {
                try {
                    complete(importId, request, rows, done);
                } catch (RuntimeException failure) {
                    log.error("bulk import {} interrupted", importId, failure);
                }
            });
            return new Answer(store.view(store.find(importId).orElseThrow()), true);
        }
        complete(importId, request, rows, done);
        return new Answer(store.view(store.find(importId).orElseThrow()), false);
    }

    private void complete(String importId, Request request, List<CheckedRow> rows, Set<Integer> done) {
        String correlationId = CommandSender.correlationId(request.correlationId()).orElse(importId);
        MetaData audit = MetaData.with(EventMetadata.ACTOR_ID, request.actor().userId())
                .and(EventMetadata.CORRELATION_ID, correlationId);
        try {
            importer.run(importId, request.actor(), audit, rows, done);
            store.complete(importId, store.importedPosition(importId));
        } catch (RuntimeException failure) {
            store.interrupt(importId);
            throw failure;
        }
    }

    private Answer stillRunning(BulkImportStore.StoredImport earlier, Request request) {
        if (request.background()) {
            return new Answer(store.view(earlier), true);
        }
        throw new ApiException(HttpStatus.CONFLICT, ErrorCode.CONCURRENT_MODIFICATION,
                "the import with this Idempotency-Key is still running; follow it at "
                        + BulkImportController.PATH + "/" + earlier.id());
    }
}
