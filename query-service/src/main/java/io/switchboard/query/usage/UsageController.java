package io.switchboard.query.usage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.query.Page;
import io.switchboard.query.access.Scope;
import io.switchboard.query.org.OrgCalendar;
import io.switchboard.query.paging.PageParameters;
import io.switchboard.support.identity.Actor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Tag(name = "Usage", description = "calls counted and refused per assignment and day")
class UsageController {

    private final UsageViewRepository usage;
    private final OrgCalendar calendar;

    UsageController(UsageViewRepository usage, OrgCalendar calendar) {
        this.usage = usage;
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/usage")
    @Operation(summary = "R15, R17: per assignment with calls on that org-local day (a MEMBER's own numbers, the "
            + "whole org's for the other roles): calls counted, refused by reason, daily limit, remaining; by number")
    Page<AssignmentUsage> list(Actor actor, @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate date,
                               @ParameterObject PageParameters page) {
        return usage.list(Scope.of(actor), date, calendar.today(actor.orgId()),
                page.toRequest(UsageViewRepository.SORTING));
    }
}
