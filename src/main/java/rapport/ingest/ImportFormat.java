package rapport.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The file formats of METRICS.md §7, by the name used in {@code ?format=}. */
public enum ImportFormat {
    MESSAGES("messages", List.of("network", "account", "message_id", "author_id", "author_handle",
            "from_brand", "kind", "created_at", "in_reply_to", "text")),
    MESSAGES_NDJSON("messages-ndjson", MESSAGES.columns),
    FOLLOWERS("followers", List.of("network", "account", "day", "followers")),
    SURVEYS("surveys", List.of("network", "author_id", "day", "score")),
    TWCS("twcs", List.of("tweet_id", "author_id", "inbound", "created_at", "text", "in_response_to_tweet_id"));

    private final String key;
    private final List<String> columns;

    ImportFormat(String key, List<String> columns) {
        this.key = key;
        this.columns = columns;
    }

    public String key() {
        return key;
    }

    /** Columns a file of this format must have (others are ignored). */
    public List<String> columns() {
        return columns;
    }

    public static ImportFormat fromKey(String key) {
        return Arrays.stream(values())
                .filter(f -> f.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new ImportRefused("unknown format '" + key + "'; expected one of "
                        + Arrays.stream(values()).map(ImportFormat::key).collect(Collectors.joining(", "))));
    }
}
