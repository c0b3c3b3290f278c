package rapport.ingest.cli;

import java.io.PrintWriter;

/** A one-line terminal progress bar, redrawn in place. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintWriter out;

    ProgressBar(PrintWriter out) {
        this.out = out;
    }

    void draw(long done, long total, long rows, String phase) {
        double share = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        int filled = (int) Math.round(share * WIDTH);
        out.printf("\r[%s%s] %3.0f%%  %,d rows  %s   ", "#".repeat(filled), " ".repeat(WIDTH - filled),
                share * 100, rows, phase == null ? "" : phase);
        out.flush();
    }

    void done() {
        out.println();
        out.flush();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KiB", n / 1024.0);
        }
        return String.format("%.1f MiB", n / (1024.0 * 1024));
    }
}
