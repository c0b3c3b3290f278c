package rapport.people;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;

/**
 * The statements that write {@code person_summary} in a refresh's transaction (PersonSummarySql): every row, or the
 * rows a change of some accounts feeds, for the 90-day windows ending at the as-of day in the workspace time zone.
 */
final class PersonSummaryWrites {

    private final ZoneId zone;

    PersonSummaryWrites(ZoneId zone) {
        this.zone = zone;
    }

    /** The as-of day the stored rows were computed for (none: never computed). */
    LocalDate storedAsOf(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PersonSummarySql.STATE_AS_OF)) {
            Timestamp ts = rs.next() ? rs.getTimestamp(1) : null;
            return ts == null ? null : ts.toInstant().atZone(zone).toLocalDate();
        }
    }

    /** Every row for the week ending at {@code asOf}, into the emptied table. */
    void all(Connection c, LocalDate asOf) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String step : PersonSummarySql.PREPARE) {
                st.execute(step);
            }
        }
        try (PreparedStatement st = c.prepareStatement(PersonSummarySql.INSERT)) {
            bindWindows(st, asOf);
            st.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.execute(PersonSummarySql.ANALYZE);
        }
    }

    /** The rows of these accounts and the all-accounts rows of the persons who wrote to them, again. */
    void accounts(Connection c, LocalDate asOf, Collection<Integer> accounts) throws SQLException {
        Array ids = c.createArrayOf("integer", accounts.toArray());
        Array scopes = c.createArrayOf("text", accounts.stream().map(String::valueOf).toArray());
        try (PreparedStatement st = c.prepareStatement(PersonSummarySql.DIRTY_PERSONS)) {
            st.setArray(1, ids);
            st.setArray(2, scopes);
            st.execute();
        }
        try (Statement st = c.createStatement()) {
            st.execute("analyze pd");
        }
        try (PreparedStatement st = c.prepareStatement(PersonSummarySql.PICK)) {
            st.setArray(1, ids);
            st.setArray(2, ids);
            st.execute();
        }
        try (Statement st = c.createStatement()) {
            for (String step : PersonSummarySql.PREPARE_PICKED) {
                st.execute(step);
            }
        }
        try (PreparedStatement st = c.prepareStatement(PersonSummarySql.CLEAR_DIRTY)) {
            st.setArray(1, scopes);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(PersonSummarySql.INSERT_DIRTY)) {
            int i = bindWindows(st, asOf);
            st.setArray(++i, scopes);
            st.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate(PersonSummarySql.DIRTY_HANDLES);
        }
    }

    /** Binds the INSERT's time zone and window instants; returns the number bound. */
    private int bindWindows(PreparedStatement st, LocalDate asOf) throws SQLException {
        Timestamp end = start(asOf);
        Timestamp windowStart = start(asOf.minusDays(90));
        Timestamp beforeStart = start(asOf.minusDays(180));
        int i = 0;
        st.setString(++i, zone.getId());
        st.setTimestamp(++i, windowStart);
        st.setTimestamp(++i, end);
        st.setTimestamp(++i, windowStart);
        st.setTimestamp(++i, end);
        st.setString(++i, zone.getId());
        st.setTimestamp(++i, beforeStart);
        st.setTimestamp(++i, windowStart);
        st.setTimestamp(++i, beforeStart);
        st.setTimestamp(++i, windowStart);
        st.setTimestamp(++i, windowStart);
        st.setTimestamp(++i, beforeStart);
        return i;
    }

    /** Local midnight of the day, in the workspace time zone. */
    Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
