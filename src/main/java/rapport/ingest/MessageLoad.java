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

    MessageLoad(Connection connection) throws SQLException, IOException {
        this.connection = connection;
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
        progress.phase = "writing";
        try (Statement st = connection.createStatement()) {
            st.execute(IngestSql.UPSERT_ACCOUNTS_FROM_MESSAGES);
            st.execute(IngestSql.UPSERT_PERSONS);
            st.execute(IngestSql.CREATE_TOUCHED);
        }
        try (PreparedStatement upsert = connection.prepareStatement(IngestSql.UPSERT_MESSAGES)) {
            upsert.setLong(1, importId);
            upsert.executeUpdate();
        }
        progress.phase = "linking threads";
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(IngestSql.LINK_WRITTEN_TO_PARENTS);
            st.executeUpdate(IngestSql.LINK_WAITING_CHILDREN);
            try (ResultSet rs = st.executeQuery(IngestSql.COUNT_INSERTED)) {
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
