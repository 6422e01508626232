package io.switchboard.query.number;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.E164Number;
import io.switchboard.api.query.NumberAssignment;
import io.switchboard.api.query.NumberLookup;
import io.switchboard.api.query.Page;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.access.Scope;
import io.switchboard.query.asof.NumberAsOf;
import io.switchboard.query.org.OrgCalendar;
import io.switchboard.query.paging.PageParameters;
import io.switchboard.query.usage.UsageViewRepository;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/phone-numbers")
@Tag(name = "Phone numbers", description = "the numbers the caller's org holds")
class PhoneNumberController {

    private final NumberViewRepository numbers;
    private final UsageViewRepository usage;
    private final OrgCalendar calendar;
    private final NumberAsOf pastStates;

    PhoneNumberController(NumberViewRepository numbers, UsageViewRepository usage, OrgCalendar calendar,
                          NumberAsOf pastStates) {
        this.numbers = numbers;
        this.usage = usage;
        this.calendar = calendar;
        this.pastStates = pastStates;
    }

    @GetMapping
    @Operation(summary = "The caller's numbers: a MEMBER's own, the whole org's for the other roles")
    Page<PhoneNumberView> list(Actor actor, @ParameterObject NumberFilter filter,
                               @ParameterObject PageParameters page) {
        return numbers.list(Scope.of(actor), filter, page.toRequest(NumberViewRepository.SORTING));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One number with its owner, status, agent, limits and calls today (R17: the org-local "
            + "day); ETag is its version. With asOf, the number as it was at that instant, derived from the events "
            + "(SPEC §5): calls counted on that instant's org-local day up to it, the versions of then, no ETag")
    ResponseEntity<PhoneNumberDetail> get(Actor actor, @PathVariable String id,
                                          @Parameter(description = "a past ISO-8601 instant, e.g. 2025-03-04T12:00:00Z")
                                          @RequestParam(required = false) String asOf) {
        if (asOf != null) {
            return ResponseEntity.ok(pastStates.at(actor, id, NumberAsOf.parse(asOf))
                    .orElseThrow(() -> ApiException.notFound("phone number")));
        }
        PhoneNumberView number = numbers.find(Scope.of(actor), id)
                .orElseThrow(() -> ApiException.notFound("phone number"));
        return ResponseEntity.ok().eTag(Long.toString(number.version())).body(withCallsToday(number));
    }

    @GetMapping("/lookup")
    @Operation(summary = "Whether the caller's org holds a number, which user owns it and which agent uses it (a "
            + "MEMBER learns who only for its own numbers)")
    NumberLookup lookup(Actor actor, @RequestParam String number) {
        E164Number e164 = E164Number.parse(restorePlus(number), null);
        return numbers.findByE164(new Scope(actor.orgId(), null), e164.value())
                .map(held -> Scope.of(actor).sees(held.ownerUserId())
                        ? new NumberLookup(e164.value(), true, held.id(), held.ownerUserId(), held.agent())
                        : new NumberLookup(e164.value(), true, null, null, null))
                .orElseGet(() -> new NumberLookup(e164.value(), false, null, null, null));
    }

    private PhoneNumberDetail withCallsToday(PhoneNumberView number) {
        NumberAssignment assignment = number.assignment();
        if (assignment == null) {
            return new PhoneNumberDetail(number, null, null);
        }
        int callsToday = usage.callsCounted(assignment.id(), calendar.today(number.orgId()));
        return new PhoneNumberDetail(number, callsToday,
                UsageViewRepository.remaining(assignment.dailyLimit(), callsToday));
    }

    /** A '+' that the client did not percent-encode in the query string arrives as a space. */
    private static String restorePlus(String number) {
        return number.startsWith(" ") ? "+" + number.strip() : number;
    }
}
