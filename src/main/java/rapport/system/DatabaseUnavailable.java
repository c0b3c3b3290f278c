package rapport.system;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells a failure to reach the database (down, restarting, pool timed out) from an error in the request. */
@Singleton
public class DatabaseUnavailable {

    /** Connection exceptions (class 08) and the server shutting down or starting up (57P01–57P03). */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03");

    private final Database database;

    DatabaseUnavailable(Database database) {
        this.database = database;
    }

    /**
     * Whether the database being out of reach explains this failure: by its kind, or, for any other database
     * error (a connection that died under the request says little about why), by the database not
     * answering now.
     */
    public boolean explains(Throwable failure) {
        if (causedBy(failure)) {
            return true;
        }
        return involvesDatabase(failure) && !reachable();
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean involvesDatabase(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException || t.getClass().getName().startsWith("io.micronaut.data.")) {
                return true;
            }
        }
        return false;
    }

    private boolean reachable() {
        try (Connection c = database.connection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
