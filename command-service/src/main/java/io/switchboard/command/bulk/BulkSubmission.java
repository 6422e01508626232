package io.switchboard.command.bulk;

import io.switchboard.api.number.BulkImport;
import io.switchboard.command.web.Access;
import io.switchboard.command.idempotency.IdempotencyKey;
import io.switchboard.command.web.CommandSender;
import io.switchboard.support.identity.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * Starts a bulk import from an HTTP request, whatever read its rows (an upload, a provider's account): the caller
 * must write numbers; {@code Idempotency-Key} and {@code X-Correlation-Id} are honoured; {@code Prefer:
 * respond-async} answers 202 at once with the import to follow at its Location, else 200 with every row's result.
 */
@Component
public class BulkSubmission {

    private static final String PREFER = "Prefer";
    private static final String RESPOND_ASYNC = "respond-async";

    private final BulkImports imports;
    private final Access access;

    BulkSubmission(BulkImports imports, Access access) {
        this.imports = imports;
        this.access = access;
    }

    /** {@code rows} is read only once the caller is known to write numbers. */
    public ResponseEntity<BulkImport> submit(Actor actor, HttpServletRequest request,
                                             Supplier<List<SubmittedRow>> rows) {
        access.requireWriter(actor);
        IdempotencyKey key = CommandSender.requestKey(actor, request);
        BulkImports.Answer answer = imports.submit(new BulkImports.Request(actor, rows.get(), key,
                request.getHeader(CommandSender.CORRELATION_ID_HEADER), prefersAsync(request)));
        if (!answer.running()) {
            return ResponseEntity.ok(answer.bulkImport());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Preference-Applied", RESPOND_ASYNC)
                .location(URI.create(BulkImportController.PATH + "/" + answer.bulkImport().id()))
                .body(answer.bulkImport());
    }

    private static boolean prefersAsync(HttpServletRequest request) {
        for (var values = request.getHeaders(PREFER); values.hasMoreElements(); ) {
            for (String preference : values.nextElement().split(",")) {
                if (preference.strip().equalsIgnoreCase(RESPOND_ASYNC)) {
                    return true;
                }
            }
        }
        return false;
    }
}
