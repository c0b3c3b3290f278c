package rapport.metrics.facts;

import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import rapport.system.Database;
import rapport.system.SideBySide;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
    private final SideBySide sideBySide;

    PersonActivity(Database database, SideBySide sideBySide) {
        this.database = database;
        this.sideBySide = sideBySide;
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
     * one person's days, however many persons there are. The persons are read in {@code parts} ranges of their
     * ids side by side, each range to its own consumer (a person's days all go to one), so that both the
     * database's and the reader's work use every core. Each range comes as a COPY: PostgreSQL sends its rows while
     * they are read, where a cursor's batches would each wait for the reader (at 10M messages, 2.6M rows).
     */
    public void eachPerson(List<Integer> accountIds, List<? extends PersonDays> parts) {
        String scope = accountIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        long[] bounds = personIdBounds(parts.size());
        List<Supplier<Void>> reading = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            long from = bounds[i];
            long to = bounds[i + 1];
            PersonDays part = parts.get(i);
            reading.add(() -> {
                copy(scope, from, to, part);
                return null;
            });
        }
        sideBySide.all(reading);
    }

    /** Person ids cut in {@code parts} ranges [bounds[i], bounds[i + 1]) of about the same width, covering all. */
    private long[] personIdBounds(int parts) {
        long[] bounds = new long[parts + 1];
        bounds[0] = Long.MIN_VALUE;
        bounds[parts] = Long.MAX_VALUE;
        if (parts > 1) {
            long[] minMax = new long[2];
            query(PersonDaySql.PERSON_ID_RANGE, (c, st) -> { }, rs -> {
                minMax[0] = rs.getLong(1);
                minMax[1] = rs.getLong(2);
            });
            for (int i = 1; i < parts; i++) {
                bounds[i] = minMax[0] + (minMax[1] - minMax[0]) / parts * i;
            }
        }
        return bounds;
    }

    private void copy(String scope, long from, long to, PersonDays consumer) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement st = c.prepareStatement(PersonDaySql.SET_SCOPE)) {
                st.setString(1, scope);
                st.setString(2, String.valueOf(from));
                st.setString(3, String.valueOf(to));
                st.execute();
            }
            CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(PersonDaySql.COPY_SCOPE_DAYS_BY_PERSON);
            try {
                PersonDayRows rows = new PersonDayRows(consumer);
                byte[] row;
                while ((row = copy.readFromCopy()) != null) {
                    rows.add(row);
                }
                rows.end();
            } catch (SQLException | RuntimeException e) {
                // the rows not read yet are not wanted: stop the COPY, keeping the failure that stopped the reading
                try {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
                throw e;
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
