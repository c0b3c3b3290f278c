package rapport.people;

import jakarta.inject.Singleton;
import rapport.system.Database;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Read-only SQL of the people table: one keyset page, or every row in order from one snapshot. */
@Singleton
class PeopleQueries {

    private static final String COLUMNS = """
            network, handle, author_id, accounts, first_seen, last_seen, active_weeks, messages, conversations,
            inbound_turns, answered_turns, median_response_minutes, amplifications, reactions, tier, tier_before,
            latest_nps, waiting_since, person_id""";

    private static final String STATE = "select as_of, period_start, computed_at from person_summary_state";

    /** Rows of an export are fetched this many at a time through a cursor. */
    static final int FETCH = 1000;

    interface RowSink {
        void accept(PersonRow row) throws IOException;
    }

    private final Database database;

    PeopleQueries(Database database) {
        this.database = database;
    }

    PeoplePage page(PeopleSelection s) {
        try (Connection c = snapshot()) {
            Instant[] state = state(c);
            List<PersonRow> rows = new ArrayList<>();
            String next = null;
            String lastSortValue = null;
            long lastPersonId = 0;
            try (PreparedStatement st = prepare(c, s, true, state[1]); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rows.size() == s.limit()) {
                        next = PeopleSelection.encode(lastSortValue, lastPersonId);
                        break;
                    }
                    rows.add(row(rs));
                    lastSortValue = rs.getString("sort_value");
                    lastPersonId = rs.getLong("person_id");
                }
            }
            c.commit();
            return new PeoplePage(s.scope(), state[0], state[1], state[2], s.sort().key, s.descending() ? "desc" : "asc", rows, next);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every selected row, in order, from one snapshot (REPEATABLE READ: an import or refresh committing meanwhile
     * is not seen), fetched {@link #FETCH} at a time so that memory stays constant whatever the count.
     */
    long stream(PeopleSelection s, RowSink sink) throws IOException {
        try (Connection c = snapshot()) {
            long count = 0;
            try (PreparedStatement st = prepare(c, s, false, state(c)[1])) {
                st.setFetchSize(FETCH);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                        count++;
                    }
                }
            }
            c.commit();
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One person's row in a scope, in the caller's transaction; null when they have none there. */
    PersonRow row(Connection c, String scope, long personId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from person_summary where scope = ? and person_id = ?")) {
            st.setString(1, scope);
            st.setLong(2, personId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    Instant asOf(Connection c) throws SQLException {
        return state(c)[0];
    }

    private Connection snapshot() throws SQLException {
        Connection c = database.connection();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        return c;
    }

    private static Instant[] state(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(STATE); ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                return new Instant[3];
            }
            return new Instant[]{instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))};
        }
    }

    /** The SQL is assembled from the selection's fixed fragments; every value is bound. */
    private static PreparedStatement prepare(Connection c, PeopleSelection s, boolean paged, Instant periodStart) throws SQLException {
        String key = s.sort().sortKey;
        String dir = s.descending() ? " desc" : " asc";
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(", (").append(key).append(")::text as sort_value")
                .append(" from person_summary where ").append(String.join(" and ", s.conditions()));
        if (s.cursor() != null) {
            sql.append(" and (").append(key).append(", person_id) ").append(s.descending() ? "<" : ">")
                    .append(" (cast(? as ").append(s.sort().type).append("), ?)");
        }
        sql.append(" order by ").append(key).append(dir).append(", person_id").append(dir);
        if (paged) {
            sql.append(" limit ?");
        }
        PreparedStatement st = c.prepareStatement(sql.toString());
        int i = 0;
        for (Object value : s.values()) {
            if (value == PeopleSelection.PERIOD_START) {
                st.setTimestamp(++i, periodStart == null ? null : Timestamp.from(periodStart));
            } else if (value instanceof Integer[] codes) {
                st.setArray(++i, c.createArrayOf("int4", codes));
            } else {
                st.setObject(++i, value);
            }
        }
        if (s.cursor() != null) {
            st.setString(++i, s.cursor()[0]);
            st.setLong(++i, Long.parseLong(s.cursor()[1]));
        }
        if (paged) {
            st.setInt(++i, s.limit() + 1);
        }
        return st;
    }

    private static PersonRow row(ResultSet rs) throws SQLException {
        double median = rs.getDouble("median_response_minutes");
        Double medianOrNull = rs.wasNull() ? null : median;
        int nps = rs.getInt("latest_nps");
        Integer npsOrNull = rs.wasNull() ? null : nps;
        return new PersonRow(rs.getString("network"), rs.getString("handle"), rs.getString("author_id"), rs.getString("accounts"),
                instant(rs.getTimestamp("first_seen")), instant(rs.getTimestamp("last_seen")), rs.getInt("active_weeks"),
                rs.getLong("messages"), rs.getLong("conversations"), rs.getLong("inbound_turns"), rs.getLong("answered_turns"),
                medianOrNull, rs.getLong("amplifications"), rs.getLong("reactions"), Tier.ofCode(rs.getInt("tier")).key(),
                Tier.ofCode(rs.getInt("tier_before")).key(), npsOrNull, instant(rs.getTimestamp("waiting_since")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
