package rapport.ingest;

import java.time.OffsetDateTime;

/** One message ready for the database (METRICS.md §1). */
public record MessageRow(long line, String network, String account, String messageId, String authorId,
                         String authorHandle, boolean fromBrand, String kind, OffsetDateTime createdAt,
                         String inReplyTo, String text) {
}
