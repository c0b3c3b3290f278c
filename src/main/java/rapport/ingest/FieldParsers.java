package rapport.ingest;

import rapport.ingest.source.SourceRow;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** Typed reads of one field, each failing with the field's name and what was wrong. */
final class FieldParsers {

    private FieldParsers() {
    }

    static boolean bool(SourceRow row, String column) throws RowRejected {
        String value = row.required(column).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new RowRejected(column, column + " must be true or false, not '" + value + "'");
        };
    }

    /**
     * Whole seconds and an offset, the shape nearly every export writes. The ISO parser's optional sections
     * copy its parse state for every field, which made date parsing a quarter of the import's Java time;
     * this formatter has none, accepts a subset of what ISO accepts and reads it to the same instant.
     */
    private static final DateTimeFormatter WHOLE_SECONDS_WITH_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withResolverStyle(ResolverStyle.STRICT);

    static OffsetDateTime instant(SourceRow row, String column) throws RowRejected {
        return instant(row.required(column).strip(), column);
    }

    static OffsetDateTime instant(String value, String column) throws RowRejected {
        if (hasWholeSecondsAndOffset(value)) {
            try {
                return OffsetDateTime.parse(value, WHOLE_SECONDS_WITH_OFFSET);
            } catch (DateTimeParseException e) {
                // the full parser decides, and words the error
            }
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, "bad date '" + value + "': expected ISO-8601 with an offset, e.g. 2026-01-05T09:30:00+01:00");
        }
    }

    private static boolean hasWholeSecondsAndOffset(String value) {
        int length = value.length();
        return length == 20 && value.charAt(19) == 'Z'
                || length == 25 && (value.charAt(19) == '+' || value.charAt(19) == '-');
    }

    static LocalDate day(SourceRow row, String column) throws RowRejected {
        String value = row.required(column).strip();
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, "bad date '" + value + "': expected YYYY-MM-DD");
        }
    }

    static long wholeNumber(SourceRow row, String column, long min, long max) throws RowRejected {
        String value = row.required(column).strip();
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new RowRejected(column, column + " must be a whole number, not '" + value + "'");
        }
        if (number < min || number > max) {
            throw new RowRejected(column, column + " must be between " + min + " and " + max + ", not " + number);
        }
        return number;
    }
}
