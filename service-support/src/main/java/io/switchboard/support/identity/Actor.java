package io.switchboard.support.identity;

import io.switchboard.api.common.Role;

import java.util.Set;

/** Who is calling: the verified subject, organization and roles of the bearer token. */
public record Actor(String userId, String orgId, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isPlatformAdmin() {
        return has(Role.PLATFORM_ADMIN);
    }

    /** Sees and changes everything of its org. */
    public boolean administersOrg() {
        return has(Role.PLATFORM_ADMIN) || has(Role.ORG_ADMIN);
    }

    /** Reads everything of its org. */
    public boolean readsWholeOrg() {
        return administersOrg() || has(Role.MANAGER) || has(Role.SERVICE);
    }

    /** May change anything at all (own objects for a MEMBER, the org's for admins). */
    public boolean mayWrite() {
        return administersOrg() || has(Role.MEMBER);
    }
}
