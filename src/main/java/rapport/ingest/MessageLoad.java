package rapport.ingest;

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
            st.execute(IngestSql.INSERT_PERSONS);
            st.execute(IngestSql.DROP_SUPERSEDED);
            st.execute(IngestSql.CREATE_BATCH);
            st.execute(IngestSql.ANALYZE_BATCH);
            timer.done("accounts, persons and message ids");
        }
        for (String write : new String[]{IngestSql.INSERT_NEW_MESSAGES, IngestSql.UPDATE_CHANGED_MESSAGES}) {
            try (PreparedStatement st = connection.prepareStatement(write)) {
                st.setLong(1, importId);
                st.executeUpdate();
            }
        }
        timer.done("messages written");
        progress.phase = "linking threads";
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(IngestSql.LINK_WAITING_CHILDREN);
            timer.done("late parents linked");
            try (ResultSet rs = st.executeQuery(IngestSql.COUNT_NEW)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long staged() {
        return copy.rows();
    }

    @Override
    public void close() throws IOException {
        copy.close();
    }
}
