package io.switchboard.command.shared;

/** An aggregate of another org does not exist for the caller: it answers as not found, never as forbidden. */
public final class Tenancy {

    private Tenancy() {
    }

    public static void requireSameOrg(String aggregateOrgId, String callerOrgId, String what) {
        if (aggregateOrgId == null || !aggregateOrgId.equals(callerOrgId)) {
            throw Refusal.notFound(what);
        }
    }
}
