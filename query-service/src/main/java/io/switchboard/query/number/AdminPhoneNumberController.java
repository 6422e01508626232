package io.switchboard.query.number;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.query.Page;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.access.Scope;
import io.switchboard.query.paging.PageParameters;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Platform administration")
class AdminPhoneNumberController {

    private final NumberViewRepository numbers;

    AdminPhoneNumberController(NumberViewRepository numbers) {
        this.numbers = numbers;
    }

    @GetMapping("/api/v1/admin/phone-numbers")
    @Operation(summary = "PLATFORM_ADMIN: the numbers of every org, or of the one named by orgId")
    Page<PhoneNumberView> list(Actor actor, @RequestParam(required = false) String orgId,
                               @ParameterObject NumberFilter filter, @ParameterObject PageParameters page) {
        if (!actor.isPlatformAdmin()) {
            throw ApiException.forbidden("only a PLATFORM_ADMIN lists the numbers of every org");
        }
        return numbers.list(new Scope(orgId, null), filter, page.toRequest(NumberViewRepository.SORTING));
    }
}
