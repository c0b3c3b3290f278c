package rapport.ingest;

import rapport.system.CopyStream;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Stages messages with COPY, then upserts them and links threads in a few set-based statements. */
final class MessageLoad implements AutoCloseable {

    private final Connection connection;
    private final CopyStream copy;
    private final PhaseTimer timer;
    /** Earlier copies in the file of a message it holds again, and stored messages that a field changed. */
    private long superseded;
    private long changed;

    MessageLoad(Connection connection, long importId) throws SQLException, IOException {
        this.connection = connection;
        this.timer = new PhaseTimer(importId);
        try (Statement st = connection.createStatement()) {
            st.execute(IngestSql.STAGE_MESSAGES);
        }
        this.copy = new CopyStream(connection, IngestSql.COPY_MESSAGES);
    }

    void add(MessageRow m) throws IOException {
        copy.write(m.line(), m.network(), m.account(), m.messageId(), m.authorId(), m.authorHandle(),
                m.fromBrand(), m.kind(), m.createdAt(), m.inReplyTo(), m.text());
    }

    /** Writes the staged rows; returns how many were new (the rest were seen before). */
    long finish(long importId, ImportProgress progress) throws SQLException, IOException {
        copy.close();
        timer.done("read, checked and staged " + copy.rows() + " rows");
        progress.phase = "writing";
        try (Statement st = connection.createStatement()) {
            st.execute(IngestSql.IMPORT_WORK_MEM);
            st.execute(IngestSql.ANALYZE_STAGE);
            st.execute(IngestSql.UPSERT_ACCOUNTS_FROM_MESSAGES);
            st.execute(IngestSql.CREATE_NEW_PERSONS);
            st.execute(IngestSql.INSERT_NEW_PERSONS);
            if (copy.rows() >= IngestSql.ANALYZE_FROM_ROWS) {
                st.execute(IngestSql.ANALYZE_ACCOUNTS_AND_PERSONS);
            }
            superseded = st.executeUpdate(IngestSql.DROP_SUPERSEDED);
            st.execute(IngestSql.CREATE_BATCH);
            st.execute(IngestSql.ANALYZE_BATCH);
            timer.done("accounts, persons and message ids");
        }
        long newRows = count(IngestSql.COUNT_NEW);
        changed = write(IngestSql.UPDATE_CHANGED_MESSAGES, importId);
        if (isBulk(newRows, count(IngestSql.MESSAGE_ROWS_ESTIMATE))) {
            try (Statement st = connection.createStatement()) {
                st.execute(IngestSql.IMPORT_ADDS_PERSON_DAYS);
                write(IngestSql.INSERT_NEW_MESSAGES, importId);
                st.execute(IngestSql.TRIGGERS_ADD_PERSON_DAYS);
                st.execute(IngestSql.ANALYZE_MESSAGES);
                timer.done("messages written (bulk)");
                addPersonDays(st);
                timer.done("person days added");
            }
        } else {
            write(IngestSql.INSERT_NEW_MESSAGES, importId);
            timer.done("messages written");
        }
        progress.phase = "linking threads";
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(IngestSql.LINK_WAITING_CHILDREN);
            timer.done("late parents linked");
        }
        return newRows;
    }

    /**
     * A bulk import adds its person days itself, set-based, instead of through the insert trigger (V13):
     * worth it when the new rows are many and at least half as many as those already stored. It keeps every
     * index and takes no lock that a reader waits for: the dashboard reads the data as it was until the
     * import commits.
     */
    static boolean isBulk(long newRows, long storedRows) {
        return newRows >= BULK_MIN_ROWS && newRows * 2 >= storedRows;
    }

    static final long BULK_MIN_ROWS = 100_000;

    /**
     * The new messages' person days in one sorted insert through person_day's indexes: the insert trigger's
     * aggregation of a million-row transition table and its upsert of each day cost 7-10 s per million messages.
     */
    private static void addPersonDays(Statement st) throws SQLException {
        st.execute(IngestSql.CREATE_IMPORTED_PERSON_DAYS);
        st.execute(IngestSql.ANALYZE_IMPORTED_PERSON_DAYS);
        st.executeUpdate(IngestSql.GROW_STORED_PERSON_DAYS);
        st.executeUpdate(IngestSql.SET_APART_STORED_PERSON_DAYS);
        st.executeUpdate(IngestSql.INSERT_NEW_PERSON_DAYS);
        st.execute(IngestSql.ANALYZE_PERSON_DAYS);
    }

    private long count(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long write(String sql, long importId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, importId);
            return st.executeUpdate();
        }
    }

    /** Rows seen before whose content differs (stored rows rewritten, earlier copies in the file replaced). */
    long updated() {
        return superseded + changed;
    }

    long staged() {
        return copy.rows();
    }

    @Override
    public void close() throws IOException {
        copy.close();
    }
}
