package io.switchboard.query.number;

import io.switchboard.api.common.Capability;
import io.switchboard.api.common.NumberType;
import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.api.query.AgentRef;
import io.switchboard.api.query.NumberAssignment;
import io.switchboard.api.query.Page;
import io.switchboard.api.query.PhoneNumberView;
import io.switchboard.query.access.Scope;
import io.switchboard.query.paging.KeyType;
import io.switchboard.query.paging.Keyset;
import io.switchboard.query.paging.PageRequest;
import io.switchboard.query.paging.SortKey;
import io.switchboard.query.paging.Sorting;
import io.switchboard.query.sql.SqlQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static io.switchboard.query.sql.SqlValues.enumSet;
import static io.switchboard.query.sql.SqlValues.enumValue;
import static io.switchboard.query.sql.SqlValues.instant;
import static io.switchboard.query.sql.SqlValues.stringMap;
import static io.switchboard.query.sql.SqlValues.stringSet;

/** Reads held numbers, with their assignment and agent, from the {@code held_number} view. */
@Repository
public class NumberViewRepository {

    public static final Sorting<PhoneNumberView> SORTING = new Sorting<>("number_id", PhoneNumberView::id, "number",
            List.of(new SortKey<>("number", "e164", KeyType.TEXT, PhoneNumberView::e164),
                    new SortKey<>("importedAt", "imported_at", KeyType.TIMESTAMP,
                            number -> number.importedAt().toString()),
                    new SortKey<>("label", "COALESCE(label, '')", KeyType.TEXT,
                            number -> Objects.requireNonNullElse(number.label(), "")),
                    new SortKey<>("status", "status", KeyType.TEXT, number -> number.status().name()),
                    new SortKey<>("country", "COALESCE(country, '')", KeyType.TEXT,
                            number -> Objects.requireNonNullElse(number.country(), ""))));

    private static final String SELECT = "SELECT * FROM held_number";

    private final JdbcClient jdbc;

    public NumberViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PhoneNumberView> find(Scope scope, String numberId) {
        return one(scope.restrict(new SqlQuery(SELECT)).where("number_id = :numberId", "numberId", numberId));
    }

    public Optional<PhoneNumberView> findByE164(Scope scope, String e164) {
        return one(scope.restrict(new SqlQuery(SELECT)).where("e164 = :e164", "e164", e164));
    }

    public Page<PhoneNumberView> list(Scope scope, NumberFilter filter, PageRequest<PhoneNumberView> page) {
        SqlQuery query = scope.restrict(new SqlQuery(SELECT))
                .whereGiven("status = :status", "status", filter.status())
                .whereGiven("agent_id = :agentId", "agentId", filter.agentId())
                .whereGiven("provider = :provider", "provider", filter.provider())
                .whereGiven("country = :country", "country",
                        filter.country() == null ? null : filter.country().trim().toUpperCase(Locale.ROOT))
                .whereGiven("client_id = :clientId", "clientId", filter.clientId())
                .whereGiven("owner_user_id = :ownerUserId", "ownerUserId", filter.ownerUserId());
        if (filter.assigned() != null) {
            query.where(filter.assigned() ? "assignment_id IS NOT NULL" : "assignment_id IS NULL");
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            matchText(query, filter.q().trim());
        }
        return Keyset.fetch(jdbc, query, page, NumberViewRepository::map);
    }

    /** Case-insensitive on the label; on the number, separators people type ("+44 20 7946-0958") are ignored. */
    private static void matchText(SqlQuery query, String text) {
        String digits = text.replaceAll("[\\s().-]", "");
        query.where("(e164 LIKE :qNumber OR label ILIKE :qText)")
                .bind("qNumber", contains(digits.isEmpty() ? text : digits))
                .bind("qText", contains(text));
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private Optional<PhoneNumberView> one(SqlQuery query) {
        return jdbc.sql(query.sql()).params(query.params()).query(NumberViewRepository::map).optional();
    }

    private static PhoneNumberView map(ResultSet row, int rowNumber) throws SQLException {
        String assignmentId = row.getString("assignment_id");
        String agentId = row.getString("agent_id");
        return new PhoneNumberView(
                row.getString("number_id"),
                row.getString("org_id"),
                row.getString("owner_user_id"),
                row.getString("client_id"),
                row.getString("e164"),
                row.getString("country"),
                enumValue(NumberType.class, row.getString("number_type")),
                enumValue(Provider.class, row.getString("provider")),
                row.getString("label"),
                enumSet(Capability.class, row.getString("capabilities")),
                stringMap(row.getString("metadata")),
                stringMap(row.getString("provider_refs")),
                stringMap(row.getString("platform_refs")),
                row.getString("webhook_url"),
                enumValue(NumberStatus.class, row.getString("status")),
                row.getString("status_reason"),
                instant(row, "imported_at"),
                instant(row, "updated_at"),
                row.getLong("version"),
                assignmentId == null ? null : new AgentRef(agentId, row.getString("agent_name")),
                assignmentId == null ? null : new NumberAssignment(assignmentId, agentId, row.getInt("daily_limit"),
                        stringSet(row.getString("allowed_countries")), row.getLong("assignment_version")));
    }
}
