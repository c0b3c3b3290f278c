package rapport.people;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.system.DataChanged;
import rapport.system.Database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Erases one person in one transaction: their messages, survey answers, people-table rows and the person
 * itself; the metrics precomputed for their accounts are dropped. After the commit everything computed from
 * the data is told ({@link DataChanged}) and recomputes. The log keeps who, when and which person key.
 */
@Singleton
class Erasures {

    private static final Logger LOG = LoggerFactory.getLogger(Erasures.class);

    private final Database database;
    private final ApplicationEventPublisher<DataChanged> changed;

    Erasures(Database database, ApplicationEventPublisher<DataChanged> changed) {
        this.database = database;
        this.changed = changed;
    }

    ErasureReport erase(ErasureCommand command, String by) {
        command.check();
        ErasureReport report;
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                report = erase(c, command, by);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        LOG.info("{} erased person {}/{}: {} messages, {} survey answers", by, command.network(), command.authorId(),
                report.messages(), report.surveys());
        changed.publishEvent(new DataChanged("erasure of " + command.network() + "/" + command.authorId()));
        return report;
    }

    private static ErasureReport erase(Connection c, ErasureCommand command, String by) throws SQLException {
        Long personId = null;
        try (PreparedStatement st = c.prepareStatement(ErasureSql.PERSON)) {
            st.setString(1, command.network());
            st.setString(2, command.authorId());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    personId = rs.getLong(1);
                }
            }
        }
        long messages = 0;
        if (personId != null) {
            Array accounts;
            try (PreparedStatement st = c.prepareStatement(ErasureSql.ACCOUNTS)) {
                st.setLong(1, personId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    accounts = rs.getArray(1);
                }
            }
            update(c, ErasureSql.UNLINK_REPLIES, personId);
            messages = update(c, ErasureSql.MESSAGES, personId);
            update(c, ErasureSql.FACTS, personId);
            update(c, ErasureSql.PERSON_ROW, personId);
            for (String rollups : new String[]{ErasureSql.ROLLUP_VALUES, ErasureSql.ROLLUP_STATES}) {
                try (PreparedStatement st = c.prepareStatement(rollups)) {
                    st.setArray(1, accounts);
                    st.executeUpdate();
                }
            }
        }
        long surveys;
        try (PreparedStatement st = c.prepareStatement(ErasureSql.SURVEYS)) {
            st.setString(1, command.network());
            st.setString(2, command.authorId());
            surveys = st.executeUpdate();
        }
        if (personId == null && surveys == 0) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no person " + command.network() + "/" + command.authorId());
        }
        try (PreparedStatement st = c.prepareStatement(ErasureSql.LOG)) {
            st.setString(1, by);
            st.setString(2, command.network());
            st.setString(3, command.authorId());
            st.setLong(4, messages);
            st.setLong(5, surveys);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new ErasureReport(command.network(), command.authorId(), messages, surveys, by, rs.getTimestamp(1).toInstant());
            }
        }
    }

    private static long update(Connection c, String sql, long personId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, personId);
            return st.executeUpdate();
        }
    }

    /** What was erased; the same as the log's row. */
    record ErasureReport(String network, String authorId, long messages, long surveys, String erasedBy, Instant erasedAt) {
    }
}
