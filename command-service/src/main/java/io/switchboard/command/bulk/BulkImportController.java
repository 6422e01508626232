package io.switchboard.command.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.number.BulkImport;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

@RestController
@RequestMapping(BulkImportController.PATH)
@Tag(name = "phone numbers", description = "R3-R9")
class BulkImportController {

    static final String PATH = "/api/v1/phone-numbers/bulk";
    static final String CSV = "text/csv";
    private static final String SUMMARY = "Import up to 10,000 numbers (R3-R5): a result per row, IMPORTED with the"
            + " number's id, ALREADY_HELD (R4, also for a number an earlier row imports) or INVALID with the code and"
            + " reason; a bad row never stops the others. Each row is imported as POST /api/v1/phone-numbers would,"
            + " owned by the caller. country, optional, is the ISO code of the number's country: the region of a"
            + " number written without +, and checked against the number. More rows: 413 TOO_MANY_ROWS, nothing"
            + " written. Idempotency-Key: the same request again answers the first results (resuming an interrupted"
            + " import). Prefer: respond-async answers 202 at once; follow the import at the Location.";

    private final BulkImports imports;
    private final BulkSubmission submission;
    private final ObjectMapper json;

    BulkImportController(BulkImports imports, BulkSubmission submission, ObjectMapper json) {
        this.imports = imports;
        this.submission = submission;
        this.json = json;
    }

    @PostMapping(consumes = CSV)
    @Operation(summary = SUMMARY, requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = CSV, schema = @Schema(type = "string"), examples = @ExampleObject(
                    "number,provider,country,label\n+12025550123,telnyx,US,Front desk\n+442079460958,twilio,GB,"))))
    ResponseEntity<BulkImport> importCsv(Actor actor, @RequestBody byte[] body, HttpServletRequest request) {
        return submission.submit(actor, request, () -> CsvRows.read(body, charset(request)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = SUMMARY, requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
                    "[{\"number\":\"+12025550123\",\"provider\":\"telnyx\",\"country\":\"US\","
                            + "\"label\":\"Front desk\"}]"))))
    ResponseEntity<BulkImport> importJson(Actor actor, @RequestBody byte[] body, HttpServletRequest request) {
        return submission.submit(actor, request, () -> JsonRows.read(body, json));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A bulk import: its progress (done of total rows) while it runs, a result per row once it is"
            + " COMPLETED. An org's imports are seen by its admins, MANAGER and SERVICE; a MEMBER sees its own")
    BulkImport bulkImport(Actor actor, @PathVariable String id) {
        return imports.find(actor, id);
    }

    private static Charset charset(HttpServletRequest request) {
        try {
            Charset given = MediaType.parseMediaType(request.getContentType()).getCharset();
            return given == null ? StandardCharsets.UTF_8 : given;
        } catch (InvalidMediaTypeException | IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send text/csv in UTF-8, or name a charset this service knows");
        }
    }
}
