package rapport.ingest.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The records of one uploaded file, in order. */
public interface RowSource extends Closeable {

    /** The next record, or null at the end of the file. */
    SourceRow next();

    static RowSource csv(InputStream in, List<String> requiredColumns) throws IOException {
        return new CsvSource(in, requiredColumns);
    }

    static RowSource ndjson(InputStream in) {
        return new NdjsonSource(in);
    }
}
