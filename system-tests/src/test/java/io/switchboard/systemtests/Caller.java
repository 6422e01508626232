package io.switchboard.systemtests;

import io.switchboard.api.common.Role;

/**
 * Who a fuzzed request is sent as: the users of the fuzzer's organization, its platform administrator and another
 * organization's administrator. The objects the fuzzer aims at belong to {@link #OWNER}.
 */
enum Caller {
    OWNER("owner", Role.MEMBER, true),
    COLLEAGUE("colleague", Role.MEMBER, true),
    ORG_ADMIN("admin", Role.ORG_ADMIN, true),
    MANAGER("boss", Role.MANAGER, true),
    SERVICE("dialer", Role.SERVICE, true),
    PLATFORM_ADMIN("operator", Role.PLATFORM_ADMIN, true),
    STRANGER("stranger", Role.ORG_ADMIN, false);

    final String user;
    final Role role;
    final boolean ownOrg;

    Caller(String user, Role role, boolean ownOrg) {
        this.user = user;
        this.role = role;
        this.ownOrg = ownOrg;
    }
}
