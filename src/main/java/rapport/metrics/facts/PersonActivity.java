package rapport.metrics.facts;

import jakarta.inject.Singleton;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** Persons moving from one tier at e0 to another at {@code end} ("none": no tier). */
    public record TierMove(LocalDate end, String from, String to, long count) {
    }

    /** Persons of a cohort active in a period (the cohort's own period: its size). */
    public record CohortCell(LocalDate cohort, LocalDate period, long count) {
    }

    /** Survey answers, those scoring 9–10 and those scoring 0–6. */
    public record NpsTally(long n, long promoters, long detractors) {
        public static final NpsTally NONE = new NpsTally(0, 0, 0);
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
        query(PersonDaySql.ACTIVITY_PER_PERIOD, (c, st) -> {
            st.setArray(1, ids(c, accountIds));
            st.setString(2, grain);
            st.setObject(3, starts.get(0));
            st.setObject(4, starts.get(starts.size() - 1));
        }, rs -> rows.replace(rs.getObject(1, LocalDate.class), new PeriodActivity(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
        return rows;
    }

    /** Tier counts at each end date. */
    public Map<LocalDate, TierCounts> tiersAt(List<Integer> accountIds, List<LocalDate> ends) {
        Map<LocalDate, TierCounts> rows = new HashMap<>();
        query(PersonDaySql.TIERS_AT_ENDS, (c, st) -> {
            st.setArray(1, dates(c, ends));
            st.setArray(2, ids(c, accountIds));
        }, rs -> rows.put(rs.getObject(1, LocalDate.class), new TierCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))));
        return rows;
    }

    /** Moves between tiers from each e0 to its e1 (pairs of the two lists). */
    public List<TierMove> moves(List<Integer> accountIds, List<LocalDate> e0, List<LocalDate> e1) {
        List<TierMove> moves = new ArrayList<>();
        query(PersonDaySql.TIER_MOVES, (c, st) -> {
            st.setArray(1, dates(c, e0));
            st.setArray(2, dates(c, e1));
            st.setArray(3, ids(c, accountIds));
        }, rs -> moves.add(new TierMove(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getLong(4))));
        return moves;
    }

    /** Cohorts whose period starts in [from, to], with their persons active in each period up to lastStart. */
    public List<CohortCell> cohorts(List<Integer> accountIds, String grain, LocalDate from, LocalDate to, LocalDate lastStart) {
        List<CohortCell> cells = new ArrayList<>();
        query(PersonDaySql.COHORTS, (c, st) -> {
            st.setArray(1, ids(c, accountIds));
            st.setString(2, grain);
            st.setObject(3, from);
            st.setObject(4, to);
            st.setObject(5, lastStart);
        }, rs -> cells.add(new CohortCell(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getLong(3))));
        return cells;
    }

    /** NPS tallies per period start of the answers dated in [from, to). */
    public Map<LocalDate, NpsTally> npsPerPeriod(List<Integer> accountIds, String grain, LocalDate from, LocalDate to) {
        Map<LocalDate, NpsTally> tallies = new HashMap<>();
        query(PersonDaySql.NPS_PER_PERIOD, (c, st) -> {
            st.setString(1, grain);
            st.setObject(2, from);
            st.setObject(3, to);
            st.setArray(4, ids(c, accountIds));
        }, rs -> tallies.put(rs.getObject(1, LocalDate.class), new NpsTally(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
        return tallies;
    }

    /** NPS tallies by the respondent's tier at the end of the survey's day, answers dated in [from, to). */
    public Map<String, NpsTally> npsByTier(List<Integer> accountIds, LocalDate from, LocalDate to) {
        Map<String, NpsTally> tallies = new HashMap<>();
        query(PersonDaySql.NPS_BY_TIER, (c, st) -> {
            st.setObject(1, from);
            st.setObject(2, to);
            for (int i = 3; i <= 6; i++) {
                st.setArray(i, ids(c, accountIds));
            }
        }, rs -> tallies.put(rs.getString(1), new NpsTally(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
        return tallies;
    }

    private interface Parameters {
        void set(Connection c, PreparedStatement st) throws SQLException;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Parameters parameters, Row row) {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            parameters.set(c, st);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the person days", e);
        }
    }

    private static java.sql.Array ids(Connection c, List<Integer> accountIds) throws SQLException {
        return c.createArrayOf("integer", accountIds.toArray());
    }

    private static java.sql.Array dates(Connection c, List<LocalDate> days) throws SQLException {
        return c.createArrayOf("date", days.stream().map(LocalDate::toString).toArray());
    }
}
