package rapport.ingest.source;

import rapport.ingest.RowRejected;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One record of an input file: its line, its fields by column name, its text for the rejected-rows
 * list, and what is wrong with it as a whole (null when nothing is).
 */
public record SourceRow(long line, Map<String, Integer> columns, String[] values, Supplier<String> rawText,
                        String problemField, String problem) {

    /** The record as it was in the file, for the rejected-rows list. */
    public String raw() {
        return rawText.get();
    }

    /** A row whose values are named by {@code columns} (column → index into values). */
    static SourceRow of(long line, Map<String, Integer> columns, String[] values, Supplier<String> raw) {
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            String value = values[column.getValue()];
            if (value == null) {
                continue;
            }
            if (value.indexOf(Utf8Decoding.MALFORMED) >= 0) {
                return new SourceRow(line, columns, values, raw, column.getKey(), "invalid UTF-8 in " + column.getKey());
            }
            if (value.indexOf('\0') >= 0) {
                return new SourceRow(line, columns, values, raw, column.getKey(), "NUL character in " + column.getKey());
            }
        }
        return new SourceRow(line, columns, values, raw, null, null);
    }

    static SourceRow malformed(long line, String raw, String problem) {
        return new SourceRow(line, Map.of(), new String[0], () -> raw, null, problem);
    }

    /** Rejects the row when it is malformed as a whole (column count, encoding). */
    public void checkWellFormed() throws RowRejected {
        if (problem != null) {
            throw new RowRejected(problemField, problem);
        }
    }

    /** The field's value, or null when it is absent or empty. */
    public String optional(String column) {
        Integer index = columns.get(column);
        String value = index == null ? null : values[index];
        return value == null || value.isEmpty() ? null : value;
    }

    public String required(String column) throws RowRejected {
        String value = optional(column);
        if (value == null || value.isBlank()) {
            throw new RowRejected(column, "missing " + column);
        }
        return value;
    }
}
