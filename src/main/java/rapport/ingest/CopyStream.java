package rapport.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/** Streams rows into a staging table through PostgreSQL COPY, the fastest way in. */
final class CopyStream implements AutoCloseable {

    private final CSVPrinter printer;
    private long rows;

    CopyStream(Connection connection, String copySql) throws SQLException, IOException {
        PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16);
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.POSTGRESQL_CSV);
    }

    void write(Object... values) throws IOException {
        printer.printRecord(values);
        rows++;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
