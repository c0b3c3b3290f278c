package rapport.metrics.freshness;

import jakarta.inject.Singleton;
import rapport.system.Database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The data versions of a scope's accounts (migration V10): every write to an account's data gives it a new
 * number in the writer's transaction, so a figure labelled with the versions it was computed from is current
 * exactly while they hold, on every app instance, whoever wrote. Each new version is logged with the earliest
 * instant its change can move a figure (V63), so figures of periods ending before it can be kept.
 */
@Singleton
public class DataVersions {

    /** {@link #earliestChangeSince}: a change whose reach is unknown (or older than the log): every period again. */
    public static final long FROM_THE_BEGINNING = Long.MIN_VALUE;

    private final Database database;

    DataVersions(Database database) {
        this.database = database;
    }

    /**
     * What a scope's figures are computed from; equal values, equal figures (given the same settings). The
     * counts of changes per account (the same information as the versions) let the change log be asked later.
     */
    public record ScopeVersion(List<Integer> accountIds, String versions, Map<Integer, Long> changes) {
    }

    public ScopeVersion of(List<Integer> accountIds) {
        try (Connection c = database.connection()) {
            return of(c, accountIds);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the accounts' data versions", e);
        }
    }

    public static ScopeVersion of(Connection c, List<Integer> accountIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(FreshnessSql.SCOPE_VERSIONS_AND_CHANGES)) {
            st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Integer[] ids = (Integer[]) array(rs.getArray(2));
                Long[] counts = (Long[]) array(rs.getArray(3));
                Map<Integer, Long> changes = new HashMap<>();
                for (int i = 0; i < ids.length; i++) {
                    changes.put(ids[i], counts[i]);
                }
                return new ScopeVersion(List.copyOf(accountIds), rs.getString(1), Map.copyOf(changes));
            }
        }
    }

    private static Object array(Array a) throws SQLException {
        try {
            return a.getArray();
        } finally {
            a.free();
        }
    }

    /**
     * The earliest instant (µs since the epoch) that the scope's changes since {@code then} can have moved a figure
     * at: figures of periods ending at or before it are as they were. Empty when nothing changed;
     * {@link #FROM_THE_BEGINNING} when a change's reach is unknown, an account is new or gone, or the log no longer
     * holds every change since.
     */
    public OptionalLong earliestChangeSince(ScopeVersion then) {
        List<Integer> ids = then.accountIds();
        List<Integer> known = List.copyOf(then.changes().keySet());
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(FreshnessSql.CHANGES_SINCE)) {
            st.setArray(1, c.createArrayOf("integer", ids.toArray()));
            st.setArray(2, c.createArrayOf("integer", known.toArray()));
            st.setArray(3, c.createArrayOf("bigint", known.stream().map(then.changes()::get).toArray()));
            long earliest = Long.MAX_VALUE;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long was = rs.getLong(2);
                    boolean wasKnown = !rs.wasNull();
                    long now = rs.getLong(3);
                    boolean exists = !rs.wasNull();
                    if (!wasKnown || !exists) {
                        return OptionalLong.of(FROM_THE_BEGINNING);
                    }
                    if (now == was) {
                        continue;
                    }
                    if (!rs.getBoolean(4) || rs.getBoolean(5)) {
                        return OptionalLong.of(FROM_THE_BEGINNING);
                    }
                    long at = rs.getLong(6);
                    if (!rs.wasNull()) {
                        earliest = Math.min(earliest, at);
                    }
                }
            }
            return earliest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(earliest);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the accounts' change log", e);
        }
    }
}
