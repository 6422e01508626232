package io.switchboard.query.agent;

import io.switchboard.api.query.AgentView;
import io.switchboard.api.query.Page;
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
import java.util.Optional;

import static io.switchboard.query.sql.SqlValues.instant;

/** Reads agents, each with the count of held numbers assigned to it now. */
@Repository
public class AgentViewRepository {

    public static final Sorting<AgentView> SORTING = new Sorting<>("agent_id", AgentView::id, "name",
            List.of(new SortKey<>("name", "name", KeyType.TEXT, AgentView::name)));

    private static final String SELECT = """
            SELECT agent_id, org_id, owner_user_id, client_id, name, retired, registered_at, updated_at, version,
                   (SELECT count(*) FROM held_number h WHERE h.agent_id = agent_view.agent_id) AS assigned_numbers
            FROM agent_view""";

    private final JdbcClient jdbc;

    public AgentViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AgentView> find(Scope scope, String agentId) {
        SqlQuery query = scope.restrict(new SqlQuery(SELECT)).where("agent_id = :agentId", "agentId", agentId);
        return jdbc.sql(query.sql()).params(query.params()).query(AgentViewRepository::map).optional();
    }

    public Page<AgentView> list(Scope scope, Boolean retired, PageRequest<AgentView> page) {
        SqlQuery query = scope.restrict(new SqlQuery(SELECT)).whereGiven("retired = :retired", "retired", retired);
        return Keyset.fetch(jdbc, query, page, AgentViewRepository::map);
    }

    private static AgentView map(ResultSet row, int rowNumber) throws SQLException {
        return new AgentView(
                row.getString("agent_id"),
                row.getString("org_id"),
                row.getString("owner_user_id"),
                row.getString("client_id"),
                row.getString("name"),
                row.getBoolean("retired"),
                instant(row, "registered_at"),
                instant(row, "updated_at"),
                row.getLong("version"),
                row.getLong("assigned_numbers"));
    }
}
