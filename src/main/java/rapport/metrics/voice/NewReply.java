package rapport.metrics.voice;

import java.time.OffsetDateTime;
import java.util.Objects;

/** A brand reply to be stored: to a person's message of its own account (grouped) or of another. */
record NewReply(long id, int accountId, OffsetDateTime createdAt, int parentAccount, long addressed, TemplateKeys keys) {
    NewReply {
        Objects.requireNonNull(keys);
    }
}
