package rapport.people;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.export.SpreadsheetCsv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

/**
 * The whole people table as a file, streamed: rows go from a database cursor through a small pipe to the
 * client as they are read, so memory stays the same for ten rows or ten million.
 */
@Singleton
class PeopleExport {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleExport.class);
    private static final int PIPE_BYTES = 64 * 1024;

    enum Format { CSV, NDJSON }

    private final PeopleQueries queries;
    private final ExecutorService blocking;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    PeopleExport(PeopleQueries queries, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.queries = queries;
        this.blocking = blocking;
    }

    /** A file the server sends while another thread writes it. */
    StreamedFile file(PeopleSelection selection, Format format) {
        try {
            PipedInputStream in = new PipedInputStream(PIPE_BYTES);
            PipedOutputStream out = new PipedOutputStream(in);
            blocking.execute(() -> {
                try (out) {
                    write(selection, format, out);
                } catch (IOException | UncheckedIOException e) {
                    LOG.info("People export stopped: {}", e.getMessage()); // the client went away
                }
            });
            MediaType type = format == Format.CSV ? MediaType.of("text/csv; charset=utf-8") : MediaType.of("application/x-ndjson");
            return new StreamedFile(in, type).attach(format == Format.CSV ? "rapport-people.csv" : "rapport-people.ndjson");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long write(PeopleSelection selection, Format format, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        long rows;
        if (format == Format.CSV) {
            SpreadsheetCsv csv = new SpreadsheetCsv(writer, PersonRow.HEADER);
            rows = queries.stream(selection, row -> csv.row(row.cells()));
            csv.flush();
        } else {
            rows = queries.stream(selection, row -> {
                writer.write(json.writeValueAsString(row));
                writer.write('\n');
            });
        }
        writer.flush();
        return rows;
    }
}
