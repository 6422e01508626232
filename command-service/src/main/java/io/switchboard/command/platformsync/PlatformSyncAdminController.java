package io.switchboard.command.platformsync;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.platformsync.ParkedSyncEvents;
import io.switchboard.api.platformsync.SyncRetryOutcome;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's handle on the outbound sync's dead letters (PLATFORM_ADMIN only): list, retry, discard. */
@RestController
@Tag(name = "platform sync", description = "Outbound sync to a voice platform: the events it had to park")
class PlatformSyncAdminController {

    static final String DEAD_LETTERS = "/api/v1/admin/platform-sync/dead-letters";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ParkedEvents parked;

    PlatformSyncAdminController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping(DEAD_LETTERS)
    @Operation(summary = "The events the voice platform kept refusing or failing, per number in order: cause, attempts,"
            + " when parked and last tried (PLATFORM_ADMIN); limit 1-1000 (default 100), total counts them all")
    ParkedSyncEvents list(Actor actor, @RequestParam(required = false) Integer limit) {
        requirePlatformAdmin(actor);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return parked.list(size);
    }

    @PostMapping(DEAD_LETTERS + "/{id}/retry")
    @Operation(summary = "Deliver again the parked events of the number this letter belongs to, in order from its"
            + " first; one that fails again stays parked with its new cause (PLATFORM_ADMIN)")
    SyncRetryOutcome retry(Actor actor, @PathVariable String id) {
        requirePlatformAdmin(actor);
        return parked.retry(id).orElseThrow(() -> ApiException.notFound("dead letter"));
    }

    @DeleteMapping(DEAD_LETTERS + "/{id}")
    @Operation(summary = "Discard one parked event for good, e.g. a change the platform will never accept; the"
            + " number's later events stay parked until retried (PLATFORM_ADMIN)")
    ResponseEntity<Void> discard(Actor actor, @PathVariable String id) {
        requirePlatformAdmin(actor);
        if (!parked.discard(id)) {
            throw ApiException.notFound("dead letter");
        }
        return ResponseEntity.noContent().build();
    }

    private static void requirePlatformAdmin(Actor actor) {
        if (!actor.isPlatformAdmin()) {
            throw ApiException.forbidden("only a PLATFORM_ADMIN may handle the platform sync's dead letters");
        }
    }
}
