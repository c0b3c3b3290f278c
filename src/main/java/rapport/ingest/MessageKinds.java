package rapport.ingest;

import java.util.Set;

/** The kinds a message can have (METRICS.md §1). */
public final class MessageKinds {

    public static final Set<String> ALL = Set.of("post", "reply", "mention", "comment", "direct", "share", "reaction");

    private MessageKinds() {
    }
}
