package io.switchboard.api.common;

/** Roles a bearer token may carry (SPEC §3 "Tenancy and identity"). */
public enum Role {
    PLATFORM_ADMIN, ORG_ADMIN, MANAGER, MEMBER, SERVICE
}
