package io.switchboard.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.query.ProjectionProgress;
import io.switchboard.api.query.ProjectionRebuild;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Platform administration")
class ProjectionRebuildController {

    private final ProjectionRebuilds rebuilds;

    ProjectionRebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @Operation(summary = "PLATFORM_ADMIN: every projection (read model processor) and the event-store position it "
            + "has reached")
    List<ProjectionProgress> projections(Actor actor) {
        requirePlatformAdmin(actor);
        return rebuilds.positions();
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "PLATFORM_ADMIN: empty one projection's tables (or every projection's, name 'all') and "
            + "replay the event store into them; answers 202 at once with the job to follow")
    ResponseEntity<ProjectionRebuild> rebuild(Actor actor, @PathVariable String name) {
        requirePlatformAdmin(actor);
        try {
            ProjectionRebuild job = rebuilds.start(name);
            return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections/rebuilds/" + job.id()))
                    .body(job);
        } catch (ProjectionRebuilds.UnknownProjectionException unknown) {
            throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, unknown.getMessage(), "name");
        } catch (ProjectionRebuilds.RebuildRunningException running) {
            throw new ApiException(HttpStatus.CONFLICT, ErrorCode.CONCURRENT_MODIFICATION, running.getMessage());
        }
    }

    @GetMapping("/rebuilds/{jobId}")
    @Operation(summary = "PLATFORM_ADMIN: a rebuild's progress: events done of total, rate, time left; status "
            + "RUNNING, COMPLETED or FAILED")
    ProjectionRebuild job(Actor actor, @PathVariable String jobId) {
        requirePlatformAdmin(actor);
        return rebuilds.find(jobId).orElseThrow(() -> ApiException.notFound("rebuild"));
    }

    private static void requirePlatformAdmin(Actor actor) {
        if (!actor.isPlatformAdmin()) {
            throw ApiException.forbidden("only a PLATFORM_ADMIN rebuilds read models");
        }
    }
}
