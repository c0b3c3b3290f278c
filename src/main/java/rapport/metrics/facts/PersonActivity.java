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

    /** One person's active days in a scope (ascending, as epoch days) with each day's amplifications. */
    public interface PersonDays {
        void accept(long personId, int count, int[] epochDays, int[] shares);
    }

    /**
     * Streams the scope's person days person by person (a person's days united over the accounts): memory holds
     * one person's days, however many persons there are.
     */
    public void eachPerson(List<Integer> accountIds, PersonDays consumer) {
        stream(PersonDaySql.SCOPE_DAYS_BY_PERSON, (c, st) -> st.setArray(1, ids(c, accountIds)), consumer);
    }

    private void stream(String sql, Parameters parameters, PersonDays consumer) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setFetchSize(20_000);
                parameters.set(c, st);
                int[] days = new int[64];
                int[] shares = new int[64];
                int count = 0;
                long person = Long.MIN_VALUE;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long next = rs.getLong(1);
                        int day = rs.getInt(2);
                        if (next != person && count > 0) {
                            consumer.accept(person, count, days, shares);
                            count = 0;
                        } else if (count > 0 && days[count - 1] == day) {
                            // the same day in another account of the scope
                            shares[count - 1] += rs.getInt(3);
                            continue;
                        }
                        person = next;
                        if (count == days.length) {
                            days = java.util.Arrays.copyOf(days, count * 2);
                            shares = java.util.Arrays.copyOf(shares, count * 2);
                        }
                        days[count] = day;
                        shares[count++] = rs.getInt(3);
                    }
                }
                if (count > 0) {
                    consumer.accept(person, count, days, shares);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the person days", e);
        }
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
}
