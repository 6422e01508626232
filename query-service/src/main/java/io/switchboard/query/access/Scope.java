package io.switchboard.query.access;

import io.switchboard.query.sql.SqlQuery;
import io.switchboard.support.identity.Actor;

/**
 * The rows a caller may read: one org's (null: every org's, only for the platform admin list) and, for a caller
 * who does not read the whole org, only the rows it owns.
 */
public record Scope(String orgId, String ownerUserId) {

    /** A MEMBER (or a token without a known role) reads its own rows; every other role its whole org's. */
    public static Scope of(Actor actor) {
        return new Scope(actor.orgId(), actor.readsWholeOrg() ? null : actor.userId());
    }

    /** Whether a row of this org owned by {@code rowOwnerUserId} is in the scope. */
    public boolean sees(String rowOwnerUserId) {
        return ownerUserId == null || ownerUserId.equals(rowOwnerUserId);
    }

    /** Restricts a query over a table with {@code org_id} and {@code owner_user_id} columns. */
    public SqlQuery restrict(SqlQuery query) {
        return query.whereGiven("org_id = :scopeOrgId", "scopeOrgId", orgId)
                .whereGiven("owner_user_id = :scopeOwnerUserId", "scopeOwnerUserId", ownerUserId);
    }
}
