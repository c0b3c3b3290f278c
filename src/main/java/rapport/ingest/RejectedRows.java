package rapport.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rows an import kept out, in bounded memory however many there are: every one is counted, the first
 * {@link #KEPT} are kept (each with at most {@link RejectedRow#RAW_CHARS} characters of its text) and the
 * report says how many more there were.
 */
final class RejectedRows {

    static final int KEPT = 10_000;

    private final List<RejectedRow> kept = new ArrayList<>();
    private long rejected;
    private long unattributed;

    void add(RejectedRow row) {
        if (row.unattributed()) {
            unattributed++;
        } else {
            rejected++;
        }
        if (kept.size() < KEPT) {
            kept.add(row.capped());
        }
    }

    long rejected() {
        return rejected;
    }

    long unattributed() {
        return unattributed;
    }

    /** Rows counted but not kept, beyond the first {@link #KEPT}. */
    long notKept() {
        return rejected + unattributed - kept.size();
    }

    List<RejectedRow> kept() {
        return kept;
    }

    Stream<RejectedRow> stream() {
        return kept.stream();
    }
}
