package rapport.metrics.relationships;

import java.util.Locale;

/** The relationship tiers of METRICS.md §5, in the order views list them; NONE is a person without a tier. */
public enum Tier {
    ADVOCATE, REGULAR, PARTICIPANT, LAPSED, NONE;

    /** The name in URLs, JSON and CSV. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Tier fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
