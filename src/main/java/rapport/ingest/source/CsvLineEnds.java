package rapport.ingest.source;

import java.io.IOException;
import java.io.Reader;

/**
 * Decides what each bare carriage return (a CR not followed by LF, outside quotes) in a CSV file is, before the
 * CSV parser sees it, and hands the parser an unambiguous text:
 * <ul>
 *   <li>a file whose header row ends with a bare CR uses CR line ends (old Mac exports): every bare CR ends a row;</li>
 *   <li>otherwise a bare CR ends a row when the row has all its columns by then and the text after it, up to the
 *       next line end, has all of them too (a file with mixed line ends);</li>
 *   <li>otherwise it is text (METRICS.md §7: real exports hold bare CRs inside unquoted fields), passed as a
 *       marker the parser does not split on and {@link #restore} turns back into a CR in each field.</li>
 * </ul>
 * The marker is a lone surrogate, which decoded UTF-8 never holds, so every real character survives as it was.
 */
final class CsvLineEnds extends Reader {

    static final char MARK = '\uDFFE';
    /** How far to look ahead for the rest of a row; a longer one after a bare CR makes that CR text. */
    private static final int LOOKAHEAD = 1 << 20;

    private final Reader in;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;

    private boolean inQuotes;
    private boolean fieldStart = true;
    private boolean afterQuote;
    private boolean inHeader = true;
    private boolean crLineEnds;
    private int headerCommas = -1;
    private int commas;

    CsvLineEnds(Reader in) {
        this.in = in;
    }

    static String restore(String field) {
        if (field.indexOf(MARK) < 0) {
            return field;
        }
        char[] chars = field.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == MARK && (i == 0 || !Character.isHighSurrogate(chars[i - 1]))) {
                chars[i] = '\r';
            }
        }
        return new String(chars);
    }

    @Override
    public int read(char[] out, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (!available(1)) {
                break;
            }
            char c = buf[pos++];
            out[off + n++] = translate(c);
        }
        return n == 0 ? -1 : n;
    }

    private char translate(char c) throws IOException {
        if (inQuotes) {
            if (c == '"') {
                inQuotes = false;
                afterQuote = true;
            }
            return c;
        }
        switch (c) {
            case '"' -> {
                if (fieldStart || afterQuote) {
                    inQuotes = true;
                }
                fieldStart = false;
                afterQuote = false;
            }
            case ',' -> {
                commas++;
                fieldStart = true;
                afterQuote = false;
            }
            case '\n' -> endOfRow();
            case '\r' -> {
                if (available(1) && buf[pos] == '\n') {
                    return c; // CRLF: the parser's own line end
                }
                if (inHeader || crLineEnds || commas == headerCommas && restIsARow()) {
                    if (inHeader) {
                        crLineEnds = true;
                    }
                    endOfRow();
                    return '\n';
                }
                fieldStart = false;
                afterQuote = false;
                return MARK;
            }
            default -> {
                fieldStart = false;
                afterQuote = false;
            }
        }
        return c;
    }

    private void endOfRow() {
        if (inHeader) {
            headerCommas = commas;
            inHeader = false;
        }
        commas = 0;
        fieldStart = true;
        afterQuote = false;
    }

    /**
     * Whether the text after a bare CR, up to the next line end outside quotes, has the header's column count.
     * Blank lines in between are skipped; nothing but them up to the end of the file counts as a row end.
     */
    private boolean restIsARow() throws IOException {
        boolean quoted = false;
        boolean start = true;
        boolean empty = true;
        int count = 0;
        for (int i = 0; i < LOOKAHEAD; i++) {
            if (!available(i + 1)) {
                return empty || count == headerCommas;
            }
            char c = buf[pos + i];
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                    start = true; // a doubled quote goes back in
                }
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (empty) {
                    continue;
                }
                return count == headerCommas;
            }
            empty = false;
            if (c == '"' && start) {
                quoted = true;
            } else if (c == ',') {
                count++;
                start = true;
                continue;
            }
            start = false;
        }
        return false;
    }

    /** Makes at least {@code n} characters available from {@code pos}; false when the input ends before. */
    private boolean available(int n) throws IOException {
        while (limit - pos < n) {
            if (eof) {
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                char[] bigger = new char[buf.length * 2];
                System.arraycopy(buf, 0, bigger, 0, limit);
                buf = bigger;
            }
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
