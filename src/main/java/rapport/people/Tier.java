package rapport.people;

import rapport.system.BadRequest;

import java.util.Arrays;
import java.util.Locale;

/** The relationship tiers of METRICS.md §5 as stored in person_summary (their order is the sort order). */
enum Tier {
    ADVOCATE(1), REGULAR(2), PARTICIPANT(3), LAPSED(4), NONE(5);

    final int code;

    Tier(int code) {
        this.code = code;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Tier ofCode(int code) {
        return values()[code - 1];
    }

    static Tier fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new BadRequest("tier: unknown tier '" + key + "'; known: advocate, regular, participant, lapsed, none"));
    }
}
