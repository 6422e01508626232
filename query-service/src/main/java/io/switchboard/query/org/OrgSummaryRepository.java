package io.switchboard.query.org;

import io.switchboard.api.common.Provider;
import io.switchboard.api.number.NumberStatus;
import io.switchboard.api.query.OrgSummary;
import io.switchboard.query.access.Scope;
import io.switchboard.query.sql.SqlQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.switchboard.query.sql.SqlValues.enumValue;

/** Counts held numbers by status, provider and country, and assigned against available, in one scan. */
@Repository
public class OrgSummaryRepository {

    // GROUPING(status, provider, country) has a bit set for each column the row is NOT grouped by
    private static final int BY_STATUS = 0b011;
    private static final int BY_PROVIDER = 0b101;
    private static final int BY_COUNTRY = 0b110;
    private static final int TOTAL = 0b111;

    private static final String SELECT = """
            SELECT GROUPING(status, provider, country) AS grouping_set, status, provider, country,
                   count(*) AS numbers,
                   count(*) FILTER (WHERE assignment_id IS NOT NULL) AS assigned,
                   count(*) FILTER (WHERE assignment_id IS NULL AND status = 'ACTIVE') AS available
            FROM held_number""";

    private final JdbcClient jdbc;

    public OrgSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OrgSummary summarize(Scope scope) {
        SqlQuery query = scope.restrict(new SqlQuery(SELECT));
        List<Group> groups = jdbc.sql(query.sql() + " GROUP BY GROUPING SETS ((status), (provider), (country), ())")
                .params(query.params())
                .query((row, rowNumber) -> new Group(row.getInt("grouping_set"), row.getString("status"),
                        row.getString("provider"), row.getString("country"), row.getLong("numbers"),
                        row.getLong("assigned"), row.getLong("available")))
                .list();
        Map<NumberStatus, Long> byStatus = new EnumMap<>(NumberStatus.class);
        Map<Provider, Long> byProvider = new EnumMap<>(Provider.class);
        Map<String, Long> byCountry = new TreeMap<>();
        Group total = null;
        for (Group group : groups) {
            switch (group.set()) {
                case BY_STATUS -> putKnown(byStatus, enumValue(NumberStatus.class, group.status()), group.numbers());
                case BY_PROVIDER -> putKnown(byProvider, enumValue(Provider.class, group.provider()), group.numbers());
                case BY_COUNTRY -> putKnown(byCountry, group.country(), group.numbers());
                case TOTAL -> total = group;
                default -> throw new IllegalStateException("unexpected grouping set " + group.set());
            }
        }
        // the empty grouping set yields its row even when there is no number at all
        return new OrgSummary(total.numbers(), total.assigned(), total.available(), byStatus, byProvider, byCountry);
    }

    private static <K> void putKnown(Map<K, Long> counts, K key, long numbers) {
        if (key != null) {
            counts.put(key, numbers);
        }
    }

    private record Group(int set, String status, String provider, String country, long numbers, long assigned,
                         long available) {
    }
}
