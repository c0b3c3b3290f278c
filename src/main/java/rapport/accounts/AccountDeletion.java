package rapport.accounts;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import rapport.system.BadRequest;
import rapport.system.DataChanged;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Deletes accounts with everything stored under them: messages, follower snapshots and the precomputed figures
 * of every scope that held them. Persons and survey answers are not an account's: they stay (a survey answer
 * counts only for accounts its person wrote to, so the deleted accounts no longer see it).
 */
@Singleton
class AccountDeletion {

    private final Database database;
    private final ApplicationEventPublisher<DataChanged> changed;

    AccountDeletion(Database database, ApplicationEventPublisher<DataChanged> changed) {
        this.database = database;
        this.changed = changed;
    }

    /** What was deleted. */
    record Deleted(List<String> accounts, long messages, long followerSnapshots) {
    }

    /** Deletes the accounts named (network/handle) in one transaction; unknown names are a 400 and delete nothing. */
    Deleted delete(List<String> keys) {
        long messages = 0;
        long snapshots = 0;
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                execute(c, AccountSql.IMPORT_LOCK);
                for (String key : keys) {
                    int id = find(c, key);
                    update(c, AccountSql.UNLINK_REPLIES_FROM_OTHER_ACCOUNTS, id);
                    messages += update(c, AccountSql.DELETE_MESSAGES, id);
                    snapshots += update(c, AccountSql.DELETE_FOLLOWER_SNAPSHOTS, id);
                    updateScopes(c, AccountSql.DELETE_ROLLUPS, id);
                    updateScopes(c, AccountSql.DELETE_ROLLUP_STATES, id);
                    update(c, AccountSql.DELETE_ACCOUNT, id);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        changed.publishEvent(new DataChanged("accounts deleted: " + String.join(", ", keys)));
        return new Deleted(keys, messages, snapshots);
    }

    private static int find(Connection c, String key) throws SQLException {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new BadRequest("account: write network/handle, not '" + key + "'");
        }
        try (PreparedStatement st = c.prepareStatement(AccountSql.FIND)) {
            st.setString(1, key.substring(0, slash));
            st.setString(2, key.substring(slash + 1));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new BadRequest("account: no account " + key);
                }
                return rs.getInt(1);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.execute();
        }
    }

    private static long update(Connection c, String sql, int accountId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setInt(1, accountId);
            return st.executeUpdate();
        }
    }

    private static void updateScopes(Connection c, String sql, int accountId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, String.valueOf(accountId));
            st.executeUpdate();
        }
    }
}
