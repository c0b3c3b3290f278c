package rapport.metrics.memory;

/** Message kinds (METRICS.md §1), as stored. */
enum MessageKind {
    POST, REPLY, MENTION, COMMENT, DIRECT, SHARE, REACTION;

    static MessageKind of(String stored) {
        return valueOf(stored.toUpperCase());
    }

    /** Shares and reactions are passed over by turns and never count as replies. */
    boolean isShareOrReaction() {
        return this == SHARE || this == REACTION;
    }
}
