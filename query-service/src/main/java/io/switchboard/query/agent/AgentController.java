package io.switchboard.query.agent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.query.AgentView;
import io.switchboard.api.query.Page;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.access.Scope;
import io.switchboard.query.number.NumberFilter;
import io.switchboard.query.number.NumberViewRepository;
import io.switchboard.query.paging.PageParameters;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "voice agents and the numbers assigned to them")
class AgentController {

    private final AgentViewRepository agents;
    private final NumberViewRepository numbers;

    AgentController(AgentViewRepository agents, NumberViewRepository numbers) {
        this.agents = agents;
        this.numbers = numbers;
    }

    @GetMapping
    @Operation(summary = "The caller's agents (a MEMBER's own, the whole org's for the other roles), by name")
    Page<AgentView> list(Actor actor, @RequestParam(required = false) Boolean retired,
                         @ParameterObject PageParameters page) {
        return agents.list(Scope.of(actor), retired, page.toRequest(AgentViewRepository.SORTING));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agent with the count of numbers assigned to it")
    AgentView get(Actor actor, @PathVariable String id) {
        return agents.find(Scope.of(actor), id).orElseThrow(() -> ApiException.notFound("agent"));
    }

    @GetMapping("/{id}/phone-numbers")
    @Operation(summary = "The numbers assigned to one agent, with the filters and sorts of the number list")
    Page<PhoneNumberView> numbers(Actor actor, @PathVariable String id, @ParameterObject NumberFilter filter,
                                  @ParameterObject PageParameters page) {
        AgentView agent = get(actor, id);
        return numbers.list(Scope.of(actor), filter.withAgent(agent.id()),
                page.toRequest(NumberViewRepository.SORTING));
    }
}
