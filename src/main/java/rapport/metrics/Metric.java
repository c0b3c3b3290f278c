package rapport.metrics;

import rapport.system.BadRequest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every metric the product shows, with the key used everywhere (code, URL, JSON, CSV, frontend) and its
 * definition from METRICS.md §4. How each is computed lives in the family that covers it ({@link MetricFamily}).
 */
public enum Metric {
    CONVERSATIONS("conversations", "Conversations", Unit.COUNT, true,
            "Distinct threads with at least one cross-party reply created in the period."),
    CONVERSATIONS_PER_1K_FOLLOWERS("conversations_per_1k_followers", "Conversations per 1,000 followers", Unit.RATE, true,
            "1000 × conversations / followers; empty when no follower snapshot exists."),
    DEEP_CONVERSATION_SHARE("deep_conversation_share", "Deep conversations", Unit.SHARE, true,
            "Share of conversations whose thread has ≥ 3 cross-party replies created before the period's end."),
    ACTIVE_INTERACTORS("active_interactors", "Active people", Unit.COUNT, true,
            "People with at least one message (not a reaction) in the period."),
    NEW_INTERACTORS("new_interactors", "New people", Unit.COUNT, true,
            "Active people in the period with no active message before it."),
    REPEAT_INTERACTORS("repeat_interactors", "Repeat people", Unit.COUNT, true,
            "Active people in the period who were also active in the 90 days before it."),
    REPEAT_RATE("repeat_rate", "Repeat rate", Unit.SHARE, true,
            "Repeat people / active people."),
    ADVOCATES("advocates", "Advocates", Unit.COUNT, true,
            "People who, in the 90 days to the period's end, were active in ≥ 3 distinct ISO weeks and shared the brand's content at least once."),
    RESPONSE_RATE("response_rate", "Response rate", Unit.SHARE, true,
            "Answered inbound turns starting in the period / inbound turns starting in the period."),
    RESPONSE_WITHIN_SLA_RATE("response_within_sla_rate", "Answered within SLA", Unit.SHARE, true,
            "Inbound turns starting in the period answered within the SLA / inbound turns starting in the period."),
    MEDIAN_RESPONSE_MINUTES("median_response_minutes", "Median response time", Unit.MINUTES, false,
            "Median response time, in minutes, of answered inbound turns starting in the period."),
    P90_RESPONSE_MINUTES("p90_response_minutes", "90th percentile response time", Unit.MINUTES, false,
            "90th percentile (nearest-rank) response time, in minutes, of answered inbound turns starting in the period."),
    RECIPROCITY("reciprocity", "Reciprocity", Unit.SHARE, true,
            "People who opened an inbound turn in the period and had at least one answered / people who opened an inbound turn."),
    CANNED_REPLY_SHARE("canned_reply_share", "Canned replies", Unit.SHARE, false,
            "Share of brand replies created in the period that belong to a template group (near-duplicates sent to ≥ 3 people). Past periods may change as templates grow."),
    PERSONALIZATION_SCORE("personalization_score", "Personalization", Unit.SCORE, true,
            "100 × (1 − canned reply share)."),
    CONVERSATION_RATIO("conversation_ratio", "Conversation vs broadcast", Unit.SHARE, true,
            "Brand replies / all brand messages that are not reactions, created in the period."),
    PROMOTIONAL_SHARE("promotional_share", "Self-promotion", Unit.SHARE, false,
            "Brand messages without in_reply_to that are promotional / all brand messages without in_reply_to, created in the period."),
    FOLLOWERS("followers", "Followers (context)", Unit.COUNT, true,
            "Sum over the accounts of the latest follower snapshot dated before the period's end."),
    FOLLOWER_GROWTH("follower_growth", "Follower growth (context)", Unit.COUNT, true,
            "Followers at the period's end − followers at its start."),
    AMPLIFICATION_PER_POST("amplification_per_post", "Amplification per post (context)", Unit.RATE, true,
            "Shares by people in the period / brand messages without in_reply_to in the period."),
    APPLAUSE_PER_POST("applause_per_post", "Applause per post (context)", Unit.RATE, true,
            "Reactions by people in the period / brand messages without in_reply_to in the period."),
    NPS("nps", "Net Promoter Score", Unit.SCORE, true,
            "100 × (share of survey scores 9–10 − share of scores 0–6), over responses dated in the period by people active in these accounts.");

    /** How a value reads: a count, a share in [0, 1], minutes, a 0–100 score, or a rate. */
    public enum Unit { COUNT, SHARE, MINUTES, SCORE, RATE }

    private final String key;
    private final String label;
    private final Unit unit;
    private final boolean higherIsBetter;
    private final String definition;
    Metric(String key, String label, Unit unit, boolean higherIsBetter, String definition) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.definition = definition;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public String definition() {
        return definition;
    }

    public static Metric fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst()
                .orElseThrow(() -> new BadRequest("metrics: unknown metric '" + key + "'; known: "
                        + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "))));
    }

    /** A comma-separated list of keys; empty or absent means every metric. */
    public static List<Metric> parseList(String keys) {
        if (keys == null || keys.isBlank()) {
            return List.of(values());
        }
        return Arrays.stream(keys.split(",")).map(String::strip).filter(k -> !k.isEmpty()).distinct()
                .map(Metric::fromKey).toList();
    }
}
