package rapport.metrics.facts;

import jakarta.inject.Singleton;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Person-level aggregates of a set of accounts, read from {@code person_day}; what is absent is zero. */
@Singleton
public class PersonActivity {

    /** Active persons of a period, those new to the scope, those also active in the 90 days before it. */
    public record PeriodActivity(long active, long newcomers, long repeat) {
        static final PeriodActivity NONE = new PeriodActivity(0, 0, 0);
    }

    /** Persons per tier at an end date (METRICS.md §5). */
    public record TierCounts(long advocates, long regulars, long participants, long lapsed) {
    }

    private final Database database;

    PersonActivity(Database database) {
        this.database = database;
    }

    /** Per period start (all of one grain, "week" or "month"): zero-filled. */
    public Map<LocalDate, PeriodActivity> perPeriod(List<Integer> accountIds, String grain, List<LocalDate> starts) {
        Map<LocalDate, PeriodActivity> rows = new HashMap<>();
        starts.forEach(s -> rows.put(s, PeriodActivity.NONE));
        if (starts.isEmpty()) {
            return rows;
        }
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(PersonDaySql.ACTIVITY_PER_PERIOD)) {
            st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
            st.setString(2, grain);
            st.setObject(3, starts.get(0));
            st.setObject(4, starts.get(starts.size() - 1));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDate start = rs.getObject(1, LocalDate.class);
                    if (rows.containsKey(start)) {
                        rows.put(start, new PeriodActivity(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the person days", e);
        }
        return rows;
    }

    /** Tier counts at each end date. */
    public Map<LocalDate, TierCounts> tiersAt(List<Integer> accountIds, List<LocalDate> ends) {
        Map<LocalDate, TierCounts> rows = new HashMap<>();
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(PersonDaySql.TIERS_AT_ENDS)) {
            st.setArray(1, c.createArrayOf("date", ends.stream().map(LocalDate::toString).toArray()));
            st.setArray(2, c.createArrayOf("integer", accountIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getObject(1, LocalDate.class), new TierCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the person days", e);
        }
        return rows;
    }
}
