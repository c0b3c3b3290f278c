package rapport.ingest.source;

import rapport.ingest.RowRejected;

import java.util.Map;

/**
 * One record of an input file: its line, its fields by column name, its text for the rejected-rows
 * list, and what is wrong with it as a whole (null when nothing is).
 */
public record SourceRow(long line, Map<String, String> fields, String raw, String problemField, String problem) {

    static SourceRow of(long line, Map<String, String> fields, String raw) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String value = field.getValue();
            if (value == null) {
                continue;
            }
            if (value.indexOf(Utf8Decoding.MALFORMED) >= 0) {
                return new SourceRow(line, fields, raw, field.getKey(), "invalid UTF-8 in " + field.getKey());
            }
            if (value.indexOf('\0') >= 0) {
                return new SourceRow(line, fields, raw, field.getKey(), "NUL character in " + field.getKey());
            }
        }
        return new SourceRow(line, fields, raw, null, null);
    }

    static SourceRow malformed(long line, String raw, String problem) {
        return new SourceRow(line, Map.of(), raw, null, problem);
    }

    /** Rejects the row when it is malformed as a whole (column count, encoding). */
    public void checkWellFormed() throws RowRejected {
        if (problem != null) {
            throw new RowRejected(problemField, problem);
        }
    }

    /** The field's value, or null when it is absent or empty. */
    public String optional(String column) {
        String value = fields.get(column);
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
