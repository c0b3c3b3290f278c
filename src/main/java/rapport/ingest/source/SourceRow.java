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
        return of(line, Columns.of(columns), values, raw);
    }

    static SourceRow of(long line, Columns columns, String[] values, Supplier<String> raw) {
        for (int c = 0; c < columns.indexes.length; c++) {
            String value = values[columns.indexes[c]];
            if (value == null) {
                continue;
            }
            if (Utf8Decoding.unpairedSurrogate(value) >= 0) {
                return new SourceRow(line, columns.byName, values, raw, columns.names[c],
                        "invalid UTF-8 (or an unpaired surrogate) in " + columns.names[c]);
            }
            if (value.indexOf('\0') >= 0) {
                return new SourceRow(line, columns.byName, values, raw, columns.names[c], "NUL character in " + columns.names[c]);
            }
        }
        return new SourceRow(line, columns.byName, values, raw, null, null);
    }

    /** A file's named columns, laid out once for the per-row checks. */
    record Columns(Map<String, Integer> byName, String[] names, int[] indexes) {
        static Columns of(Map<String, Integer> byName) {
            String[] names = byName.keySet().toArray(String[]::new);
            int[] indexes = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                indexes[i] = byName.get(names[i]);
            }
            return new Columns(byName, names, indexes);
        }
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
