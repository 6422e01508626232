package io.switchboard.query.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.query.OrgSummary;
import io.switchboard.query.access.Scope;
import io.switchboard.support.identity.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Organization")
class OrgSummaryController {

    private final OrgSummaryRepository summaries;

    OrgSummaryController(OrgSummaryRepository summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/api/v1/org/summary")
    @Operation(summary = "Counts of the org's numbers (a MEMBER's own) by status, provider and country")
    OrgSummary summary(Actor actor) {
        return summaries.summarize(Scope.of(actor));
    }
}
