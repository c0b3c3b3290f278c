package rapport.ingest;

/** A row kept out of the data, with where it was and why. */
public record RejectedRow(long line, String field, String reason, boolean unattributed, String raw) {
}
