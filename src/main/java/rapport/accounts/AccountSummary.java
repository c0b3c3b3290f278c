package rapport.accounts;

import java.time.Instant;

/** An account with the span of its messages. */
public record AccountSummary(int id, String network, String handle, String key, Instant firstMessageAt,
                             Instant lastMessageAt, long messages) {
}
