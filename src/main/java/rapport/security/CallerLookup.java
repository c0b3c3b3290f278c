package rapport.security;

import jakarta.inject.Singleton;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Who a session secret or an API token belongs to, read on every request (so a revocation or a logout holds at
 * once) with one plain statement each: the repositories' entity mapping cost more than the query, and a session
 * took two (the session, then its user).
 */
@Singleton
class CallerLookup {

    private static final String BY_TOKEN = "select name, role from api_token where token_hash = ? and revoked_at is null";

    private static final String BY_SESSION = """
            select u.username, u.role, s.csrf_token
            from user_session s join app_user u on u.id = s.user_id
            where s.id_hash = ? and s.expires_at > ?""";

    private final Database database;

    CallerLookup(Database database) {
        this.database = database;
    }

    Optional<Caller> byToken(String tokenHash) {
        return one(BY_TOKEN, st -> st.setString(1, tokenHash),
                rs -> new Caller("token:" + rs.getString(1), Role.fromKey(rs.getString(2)), null));
    }

    /** A session not expired at {@code now}, with its user's name and role and its CSRF token. */
    Optional<Caller> bySession(String idHash, Instant now) {
        return one(BY_SESSION, st -> {
            st.setString(1, idHash);
            st.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        }, rs -> new Caller(rs.getString(1), Role.fromKey(rs.getString(2)), rs.getString(3)));
    }

    private interface Parameters {
        void set(PreparedStatement st) throws SQLException;
    }

    private interface Row {
        Caller read(ResultSet rs) throws SQLException;
    }

    private Optional<Caller> one(String sql, Parameters parameters, Row row) {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            parameters.set(st);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look the caller up", e);
        }
    }
}
