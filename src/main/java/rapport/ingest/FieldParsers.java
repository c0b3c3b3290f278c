package rapport.ingest;

import rapport.ingest.source.SourceRow;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
                return storable(OffsetDateTime.parse(value, WHOLE_SECONDS_WITH_OFFSET), value, column);
            } catch (DateTimeParseException e) {
                // the full parser decides, and words the error
            }
        }
        try {
            return storable(OffsetDateTime.parse(value), value, column);
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, "bad date '" + value + "': expected ISO-8601 with an offset, e.g. 2026-01-05T09:30:00+01:00");
        }
    }

    /**
     * The instant in UTC, as PostgreSQL stores it: Java accepts offsets up to ±18:00, PostgreSQL's input only up
     * to ±15:59, and the instant is what counts. Years outside 1–9999 Java reads too, PostgreSQL's input not
     * (year 0, negative years, five digits): such a row is rejected here, not the whole file at COPY.
     */
    static OffsetDateTime storable(OffsetDateTime parsed, String value, String column) throws RowRejected {
        OffsetDateTime utc = parsed.withOffsetSameInstant(ZoneOffset.UTC);
        if (utc.getYear() < MIN_YEAR || utc.getYear() > MAX_YEAR) {
            throw new RowRejected(column, "date '" + value + "' out of range: the year (in UTC) must be between "
                    + MIN_YEAR + " and " + MAX_YEAR);
        }
        return utc;
    }

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    /** A network's name: required, and without '/', which separates it from the handle in account keys. */
    static String network(SourceRow row) throws RowRejected {
        String network = row.required("network").strip();
        if (network.indexOf('/') >= 0) {
            throw new RowRejected("network", "network must not contain '/', not '" + network + "'");
        }
        return network;
    }

    private static boolean hasWholeSecondsAndOffset(String value) {
        int length = value.length();
        return length == 20 && value.charAt(19) == 'Z'
                || length == 25 && (value.charAt(19) == '+' || value.charAt(19) == '-');
    }

    static LocalDate day(SourceRow row, String column) throws RowRejected {
        String value = row.required(column).strip();
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, "bad date '" + value + "': expected YYYY-MM-DD");
        }
        if (day.getYear() < MIN_YEAR || day.getYear() > MAX_YEAR) {
            throw new RowRejected(column, "date '" + value + "' out of range: the year must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return day;
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
