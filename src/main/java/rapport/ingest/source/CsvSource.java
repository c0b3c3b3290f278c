package rapport.ingest.source;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import rapport.ingest.ImportRefused;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an RFC 4180 file with a header row: columns in any order, unknown columns ignored
 * (METRICS.md §7). Each record comes out with the line it starts on.
 */
public final class CsvSource implements RowSource {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private SourceRow.Columns laidOut;
    private boolean broken;

    public CsvSource(InputStream in, List<String> requiredColumns) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        this.parser = CSVParser.builder()
                .setReader(new CsvLineEnds(Utf8Decoding.reader(in)))
                .setFormat(format)
                .get();
        this.records = parser.iterator();
        this.header = readHeader();
        List<String> missing = requiredColumns.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new ImportRefused("the header row lacks the column(s) " + String.join(", ", missing)
                    + " (found: " + String.join(", ", header) + ")");
        }
    }

    private List<String> readHeader() {
        if (!hasNextRecord()) {
            throw new ImportRefused("the file is empty: expected a header row");
        }
        CSVRecord first = records.next();
        List<String> names = new ArrayList<>();
        for (String name : first) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (Utf8Decoding.unpairedSurrogate(column) >= 0 || column.indexOf('\0') >= 0) {
                throw new ImportRefused("the file is not UTF-8 text with a CSV header row");
            }
            columns.putIfAbsent(column, names.size());
            names.add(column);
        }
        return names;
    }

    private boolean hasNextRecord() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new ImportRefused("the file is not valid CSV: " + e.getCause().getMessage());
        }
    }

    /** Next record, skipping blank lines; null at the end. */
    @Override
    public SourceRow next() {
        while (!broken) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                // e.g. an unterminated quote: the parser cannot go on, so the rest of the file is this one bad row
                broken = true;
                return SourceRow.malformed(line, "", "malformed CSV from here to the end of the file: "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            return toRow(line, record);
        }
        return null;
    }

    private SourceRow toRow(long line, CSVRecord record) {
        String[] values = new String[record.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = CsvLineEnds.restore(record.get(i));
        }
        if (values.length != header.size()) {
            return SourceRow.malformed(line, CSVFormat.RFC4180.format((Object[]) values),
                    "expected " + header.size() + " columns, found " + values.length);
        }
        // the raw text is only needed for a rejected row: formatted then, not for every row
        if (laidOut == null) {
            laidOut = SourceRow.Columns.of(columns);
        }
        return SourceRow.of(line, laidOut, values, () -> CSVFormat.RFC4180.format((Object[]) values));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
