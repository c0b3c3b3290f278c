package rapport.ingest;

/** Tallies of one import as it runs. */
final class ImportCounts {
    long rowsRead;
    long inserted;
    long updated;
    /** Seen before with exactly this content: nothing written. */
    long unchanged;
    final RejectedRows problems = new RejectedRows();

    long rejected() {
        return problems.rejected();
    }

    long unattributed() {
        return problems.unattributed();
    }
}
