package rapport.ingest.source;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * Real exports hold bare carriage returns inside unquoted text (METRICS.md §7): they are text, not line
 * breaks. CSV parsers treat them as line ends, so they are swapped for a private-use marker on the way
 * in and swapped back in each field.
 */
final class BareCarriageReturns extends Reader {

    static final char MARK = '\uE000';

    private final PushbackReader in;

    BareCarriageReturns(Reader in) {
        this.in = new PushbackReader(in, 1);
    }

    static String restore(String field) {
        return field.indexOf(MARK) < 0 ? field : field.replace(MARK, '\r');
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            if (buf[i] != '\r') {
                continue;
            }
            if (i + 1 < off + n) {
                if (buf[i + 1] != '\n') {
                    buf[i] = MARK;
                }
            } else {
                int next = in.read();
                if (next != -1) {
                    in.unread(next);
                }
                if (next != '\n') {
                    buf[i] = MARK;
                }
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
