package rapport.metrics.freshness;

import jakarta.inject.Singleton;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The data versions of a scope's accounts (migration V10): every write to an account's data gives it a new
 * number in the writer's transaction, so a figure labelled with the versions it was computed from is current
 * exactly while they hold, on every app instance, whoever wrote.
 */
@Singleton
public class DataVersions {

    private final Database database;

    DataVersions(Database database) {
        this.database = database;
    }

    /** What a scope's figures are computed from; equal values, equal figures (given the same settings). */
    public record ScopeVersion(List<Integer> accountIds, String versions) {
    }

    public ScopeVersion of(List<Integer> accountIds) {
        try (Connection c = database.connection()) {
            return of(c, accountIds);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the accounts' data versions", e);
        }
    }

    public static ScopeVersion of(Connection c, List<Integer> accountIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(FreshnessSql.SCOPE_VERSIONS)) {
            st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new ScopeVersion(List.copyOf(accountIds), rs.getString(1));
            }
        }
    }
}
