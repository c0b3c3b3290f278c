package rapport.summary;

import jakarta.inject.Singleton;
import rapport.accounts.Scope;
import rapport.system.Database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The month's advocates by name: persons who, in the 90 days to the month's end, were active in ≥ 3 distinct
 * ISO weeks (workspace time zone) and shared the brand's content at least once (METRICS.md §4), in the scope's
 * accounts. Ranked by their active messages in the month, then shares.
 */
@Singleton
class AdvocateQueries {

    private static final String TOP = """
            with active as (
                select m.person_id, m.kind, m.created_at,
                       date_trunc('week', m.created_at at time zone ?) as week
                from message m
                where m.account_id = any (?) and not m.from_brand and m.kind <> 'reaction'
                  and m.created_at >= ? and m.created_at < ?
            ), advocate as (
                select person_id, count(distinct week) as weeks,
                       count(*) filter (where kind = 'share') as shares,
                       count(*) filter (where created_at >= ?) as this_month
                from active
                group by person_id
                having count(distinct week) >= 3 and count(*) filter (where kind = 'share') >= 1
            )
            select p.network, coalesce(p.handle, p.author_id), a.weeks, a.shares, a.this_month, count(*) over ()
            from advocate a join person p on p.id = a.person_id
            order by a.this_month desc, a.shares desc, coalesce(p.handle, p.author_id)
            limit ?""";

    private final Database database;

    AdvocateQueries(Database database) {
        this.database = database;
    }

    MonthlySummary.Advocates top(Scope scope, YearMonth month, ZoneId zone, int limit) {
        var end = month.plusMonths(1).atDay(1);
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(TOP)) {
            Array ids = c.createArrayOf("int4", scope.accountIds().toArray());
            st.setString(1, zone.getId());
            st.setArray(2, ids);
            st.setTimestamp(3, Timestamp.from(end.minusDays(90).atStartOfDay(zone).toInstant()));
            st.setTimestamp(4, Timestamp.from(end.atStartOfDay(zone).toInstant()));
            st.setTimestamp(5, Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()));
            st.setInt(6, limit);
            List<MonthlySummary.Advocate> top = new ArrayList<>();
            long total = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    top.add(new MonthlySummary.Advocate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                    total = rs.getLong(6);
                }
            }
            return new MonthlySummary.Advocates(total, top);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
