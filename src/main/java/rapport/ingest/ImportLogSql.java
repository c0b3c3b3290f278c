package rapport.ingest;

/** The import log's own statements beside {@link IngestSql}'s: what a restart finds, and the rows not kept. */
final class ImportLogSql {

    private ImportLogSql() {
    }

    static final String PROBLEMS_NOT_KEPT = "update import set problems_not_kept = ? where id = ?";

    private static final String INTERRUPT = """
            update import set state = 'interrupted', finished_at = clock_timestamp(), inserted = 0, updated = 0,
                              error = 'interrupted: the server stopped while it ran; nothing of it was committed (all or nothing); import the file again'
            where state = 'running' and """;

    /** Imports still "running" when the server starts again were cut off: their transaction never committed. */
    static final String MARK_OTHERS_INTERRUPTED = INTERRUPT + " not (id = any (?)) returning id";

    /** This process's own running imports, at shutdown after the grace period. */
    static final String MARK_THESE_INTERRUPTED = INTERRUPT + " id = any (?) returning id";
}
