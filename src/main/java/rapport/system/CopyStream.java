package rapport.system;

import org.apache.commons.csv.CSVFormat;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/** Streams rows into a table through PostgreSQL COPY (CSV), the fastest way in: staged imports, derived facts. */
public final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final Writer out;
    /**
     * Records are formatted into a plain buffer and handed to the writer in blocks: formatting straight
     * into a Writer takes its lock once per character, which cost more than the rest of the staging.
     */
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    public CopyStream(Connection connection, String copySql) throws SQLException {
        this.out = new OutputStreamWriter(new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, FLUSH_AT),
                StandardCharsets.UTF_8);
    }

    /** One row; null is SQL NULL, an empty string stays an empty string. */
    public void write(Object... values) throws IOException {
        CSVFormat.POSTGRESQL_CSV.printRecord(buffer, values);
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.append(buffer);
        buffer.setLength(0);
    }

    public long rows() {
        return rows;
    }

    /** Ends the COPY; a second call does nothing. */
    @Override
    public void close() throws IOException {
        if (buffer.length() > 0) {
            flushBuffer();
        }
        out.close();
    }
}
