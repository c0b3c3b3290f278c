package rapport.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 CSV that spreadsheets open without running anything (OWASP "CSV injection"): a text cell that
 * starts with {@code = + - @}, a tab or a carriage return is written with a leading {@code '}. Numbers are
 * passed as numbers and written as they are, unrounded and never in scientific notation: {@code -3.5} in a
 * numeric column stays a number (a spreadsheet reads a number, it does not evaluate it).
 */
public final class SpreadsheetCsv implements AutoCloseable {

    private final CSVPrinter printer;

    public SpreadsheetCsv(Appendable out, List<String> header) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV of a header and rows, as a string (for exports small enough to hold). */
    public static String of(List<String> header, Iterable<List<?>> rows) {
        StringWriter out = new StringWriter();
        try (SpreadsheetCsv csv = new SpreadsheetCsv(out, header)) {
            rows.forEach(csv::row);
        }
        return out.toString();
    }

    /** Cells: text (escaped when it could be a formula), numbers (plain), null (empty), anything else as text. */
    public void row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(SpreadsheetCsv::cell).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return text(value.toString());
    }

    /** A text cell a spreadsheet would take for a formula gets a leading apostrophe. */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
