package io.switchboard.command.bulk;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.number.ImportNumber;
import io.switchboard.command.shared.Races;
import io.switchboard.command.shared.Refusal;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Imports the rows of a bulk import as {@code ImportNumber} commands through the command bus, with the request's
 * actor and correlation id, so the PhoneNumber aggregate decides each one (R4) and the events, the registry, Kafka
 * and the read models are those of single imports. Fast because a chunk of rows is one unit of work and one
 * transaction (each command's unit of work is nested in it and joins its transaction), and chunks run side by side.
 * A refused row writes nothing and leaves its chunk intact; a chunk that lost a race on a number to another import
 * fails as a whole, and is imported again, where the number is now held.
 */
@Component
class BulkImporter {

    private static final int ATTEMPTS = 5;
    private static final Comparator<CheckedRow> LOCK_ORDER = Comparator.comparing(row ->
            row instanceof ImportableRow importable ? importable.number().value() : "");

    private final CommandGateway gateway;
    private final TransactionManager transactions;
    private final BulkImportStore store;
    private final ThreadPoolTaskExecutor chunks;
    private final int chunkSize;

    BulkImporter(CommandGateway gateway, TransactionManager transactions, BulkImportStore store,
                 @Qualifier(BulkImportConfiguration.CHUNKS) ThreadPoolTaskExecutor chunks,
                 BulkImportProperties properties) {
        this.gateway = gateway;
        this.transactions = transactions;
        this.store = store;
        this.chunks = chunks;
        this.chunkSize = properties.chunkSize();
    }

    /** Imports every row not among {@code done}, storing each chunk's results with its events. */
    void run(String importId, Actor actor, MetaData audit, List<CheckedRow> rows, Set<Integer> done) {
        List<CheckedRow> pending = rows.stream().filter(row -> !done.contains(row.index())).toList();
        Progress progress = new Progress(importId, rows.size(), rows.size() - pending.size());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += chunkSize) {
            List<CheckedRow> chunk = pending.subList(from, Math.min(from + chunkSize, pending.size()));
            running.add(CompletableFuture.runAsync(() -> {
                importChunk(importId, actor, audit, chunk);
                store.heartbeat(importId);
                progress.advance(chunk.size());
            }, chunks));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException failure) {
            throw failure.getCause() instanceof RuntimeException cause ? cause : failure;
        }
    }

    private void importChunk(String importId, Actor actor, MetaData audit, List<CheckedRow> chunk) {
        RuntimeException lost = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                inOneTransaction(importId, actor, audit, chunk);
                return;
            } catch (RuntimeException failure) {
                if (!Races.lost(failure)) {
                    throw failure;
                }
                lost = failure;
                if (attempt < ATTEMPTS) {
                    Races.pauseBeforeRetry(attempt, 20);
                }
            }
        }
        if (chunk.size() > 1) {
            chunk.forEach(row -> importChunk(importId, actor, audit, List.of(row)));
        } else if (chunk.get(0) instanceof ImportableRow row) {
            // R4: beaten to this number by other imports every time, answered as a single import would be
            inOneTransaction(importId, actor, audit, List.of(new SettledRow(row.index(),
                    row.alreadyHeld("this number is already held"))));
        } else {
            throw lost;
        }
    }

    private void inOneTransaction(String importId, Actor actor, MetaData audit, List<CheckedRow> chunk) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>(importId));
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            List<SettledRow> results = new ArrayList<>(chunk.size());
            // numbers in one order in every chunk, so two imports never wait for each other's aggregates in a cycle
            for (CheckedRow row : chunk.stream().sorted(LOCK_ORDER).toList()) {
                results.add(row instanceof ImportableRow importable ? importRow(actor, audit, importable)
                        : (SettledRow) row);
            }
            store.saveRows(importId, results);
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    private SettledRow importRow(Actor actor, MetaData audit, ImportableRow row) {
        ImportNumber command = new ImportNumber(row.number().numberId(), actor.orgId(), row.number(), row.provider(),
                actor.userId(), null, row.credentialRef(), row.details(), actor.userId());
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(audit));
            return new SettledRow(row.index(), row.imported());
        } catch (RuntimeException failure) {
            Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof Refusal refusal) {
                return new SettledRow(row.index(), refusal.code() == ErrorCode.NUMBER_ALREADY_HELD
                        ? row.alreadyHeld(refusal.getMessage())
                        : row.invalid(refusal.code(), refusal.getMessage(), refusal.field()));
            }
            if (cause instanceof ApiException refused) {
                // refused by a check around the handler, e.g. of the row's credentialRef, before anything was written
                return new SettledRow(row.index(), row.invalid(refused.code(), refused.getMessage(), refused.field()));
            }
            throw failure;
        }
    }
}
