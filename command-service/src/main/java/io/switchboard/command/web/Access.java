package io.switchboard.command.web;

import io.switchboard.api.common.ErrorCode;
import io.switchboard.api.common.Role;
import io.switchboard.command.assignment.AgentFacts;
import io.switchboard.command.assignment.NumberFacts;
import io.switchboard.command.registry.Registry;
import io.switchboard.support.identity.Actor;
import io.switchboard.support.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may change what (SPEC §3): admins everything of their org, a MEMBER only its own objects, MANAGER and
 * SERVICE nothing here. An object the caller may not see answers 404; one it sees but may not change, 403.
 */
@Component
public class Access {

    private final Registry registry;

    Access(Registry registry) {
        this.registry = registry;
    }

    /** May create objects at all. */
    public void requireWriter(Actor actor) {
        if (!actor.mayWrite()) {
            throw ApiException.forbidden("your roles allow reading only");
        }
    }

    /** Only ORG_ADMIN and PLATFORM_ADMIN change org-wide settings. */
    public void requireOrgAdmin(Actor actor) {
        if (!actor.administersOrg()) {
            throw ApiException.forbidden("only an ORG_ADMIN or PLATFORM_ADMIN may do this");
        }
    }

    /** The owner of a new object: the caller, or another user of the org when an admin names one. */
    public String ownerFor(Actor actor, String requestedOwner) {
        if (requestedOwner == null || requestedOwner.equals(actor.userId())) {
            return actor.userId();
        }
        if (!actor.administersOrg()) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                    "only an ORG_ADMIN or PLATFORM_ADMIN may name another owner", "ownerUserId");
        }
        return requestedOwner;
    }

    public NumberFacts changeableNumber(Actor actor, String numberId) {
        NumberFacts number = registry.number(numberId)
                .filter(facts -> facts.heldBy(actor.orgId()) && sees(actor, facts.ownerUserId()))
                .orElseThrow(() -> ApiException.notFound("phone number"));
        requireChange(actor, number.ownerUserId());
        return number;
    }

    public AgentFacts changeableAgent(Actor actor, String agentId) {
        AgentFacts agent = visibleAgent(actor, agentId);
        requireChange(actor, agent.ownerUserId());
        return agent;
    }

    /** An agent of the caller's org that the caller sees (a MEMBER its own); any other answers 404. */
    public AgentFacts visibleAgent(Actor actor, String agentId) {
        return registry.agent(agentId)
                .filter(facts -> facts.orgId().equals(actor.orgId()) && sees(actor, facts.ownerUserId()))
                .orElseThrow(() -> ApiException.notFound("agent"));
    }

    private static boolean sees(Actor actor, String ownerUserId) {
        return actor.readsWholeOrg() || ownerUserId.equals(actor.userId());
    }

    private static void requireChange(Actor actor, String ownerUserId) {
        boolean owns = actor.has(Role.MEMBER) && ownerUserId.equals(actor.userId());
        if (!actor.administersOrg() && !owns) {
            throw ApiException.forbidden("your roles do not allow changing this");
        }
    }
}
