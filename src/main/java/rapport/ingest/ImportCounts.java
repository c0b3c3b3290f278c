package rapport.ingest;

import java.util.ArrayList;
import java.util.List;

/** Tallies of one import as it runs. */
final class ImportCounts {
    long rowsRead;
    long inserted;
    long updated;
    /** Seen before with exactly this content: nothing written. */
    long unchanged;
    final List<RejectedRow> problems = new ArrayList<>();

    long rejected() {
        return problems.stream().filter(p -> !p.unattributed()).count();
    }

    long unattributed() {
        return problems.stream().filter(RejectedRow::unattributed).count();
    }
}
