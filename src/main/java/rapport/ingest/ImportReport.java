package rapport.ingest;

import java.time.Instant;
import java.util.List;

/**
 * What an import did (METRICS.md §7). Every row read is exactly one of inserted, updated (its id was seen
 * before, in the data or earlier in the file, and its content differs), unchanged (seen before, identical:
 * nothing written), rejected or unattributed. Of the rejected and unattributed rows the first are kept with
 * their reasons; {@code problemsNotKept} says how many more there were.
 */
public record ImportReport(long id, String format, String fileName, String state, String phase, Instant startedAt,
                           Instant finishedAt, long rowsRead, long inserted, long updated, long unchanged, long rejected,
                           long unattributed, String error, Long bytesRead, Long bytesTotal,
                           List<RejectedRow> problems, long problemsNotKept) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    /** Running when the server stopped (crash, kill, shutdown): nothing of it was committed. */
    public static final String INTERRUPTED = "interrupted";

    ImportReport withProblems(List<RejectedRow> rows) {
        return new ImportReport(id, format, fileName, state, phase, startedAt, finishedAt, rowsRead, inserted, updated,
                unchanged, rejected, unattributed, error, bytesRead, bytesTotal, rows, problemsNotKept);
    }
}
