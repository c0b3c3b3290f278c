package rapport.ingest;

/** Published after an import commits: everything computed from the data before it is stale. */
public record ImportFinished(long importId) {
}
