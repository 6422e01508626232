package io.switchboard.command.registry;

import io.switchboard.api.number.NumberStatus;
import io.switchboard.command.assignment.AgentFacts;
import io.switchboard.command.assignment.AssignmentFacts;
import io.switchboard.command.assignment.NumberFacts;
import io.switchboard.command.number.NumberAssignments;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Reads of the command-side registry, for access checks and cross-aggregate rules. */
@Component
public class Registry implements AssignmentFacts, NumberAssignments {

    private static final String NUMBER_COLUMNS =
            "number_id, org_id, owner_user_id, status, country, held, assignment_id, agent_id";
    private static final RowMapper<NumberFacts> NUMBER = (rs, row) -> new NumberFacts(
            rs.getString("number_id"), rs.getString("org_id"), rs.getString("owner_user_id"),
            NumberStatus.valueOf(rs.getString("status")), rs.getString("country"), rs.getBoolean("held"),
            rs.getString("assignment_id"), rs.getString("agent_id"));
    private static final RowMapper<AgentFacts> AGENT = (rs, row) -> new AgentFacts(
            rs.getString("agent_id"), rs.getString("org_id"), rs.getString("owner_user_id"),
            rs.getBoolean("retired"));

    private final JdbcClient jdbc;

    Registry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<NumberFacts> number(String numberId) {
        return jdbc.sql("SELECT " + NUMBER_COLUMNS + " FROM registry_number WHERE number_id = :id")
                .param("id", numberId).query(NUMBER).optional();
    }

    public Optional<AgentFacts> agent(String agentId) {
        return jdbc.sql("SELECT agent_id, org_id, owner_user_id, retired FROM registry_agent WHERE agent_id = :id")
                .param("id", agentId).query(AGENT).optional();
    }

    @Override
    public Optional<NumberFacts> lockNumber(String numberId) {
        return jdbc.sql("SELECT " + NUMBER_COLUMNS + " FROM registry_number WHERE number_id = :id FOR UPDATE")
                .param("id", numberId).query(NUMBER).optional();
    }

    @Override
    public Optional<AgentFacts> lockAgent(String agentId) {
        return jdbc.sql("""
                        SELECT agent_id, org_id, owner_user_id, retired FROM registry_agent
                        WHERE agent_id = :id FOR UPDATE""")
                .param("id", agentId).query(AGENT).optional();
    }

    @Override
    public int numbersAssignedTo(String agentId) {
        return jdbc.sql("SELECT count(*) FROM registry_number WHERE agent_id = :id")
                .param("id", agentId).query(Integer.class).single();
    }

    @Override
    public Optional<Integer> maxNumbersPerAgent(String orgId) {
        return jdbc.sql("SELECT max_numbers_per_agent FROM registry_org_policy WHERE org_id = :org")
                .param("org", orgId)
                .query((rs, row) -> Optional.ofNullable((Integer) rs.getObject(1)))
                .optional().flatMap(max -> max);
    }

    @Override
    public boolean lockAndCheckAssigned(String numberId) {
        return lockNumber(numberId).map(number -> number.assignmentId() != null).orElse(false);
    }

    /** R2: the assignments of an agent, each number's row locked. */
    public List<String> lockAssignmentsOf(String agentId) {
        return jdbc.sql("""
                        SELECT assignment_id FROM registry_number
                        WHERE agent_id = :id ORDER BY number_id FOR UPDATE""")
                .param("id", agentId).query(String.class).list();
    }
}
