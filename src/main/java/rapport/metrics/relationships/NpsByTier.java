package rapport.metrics.relationships;

import java.util.List;

/** NPS broken down by the respondent's tier on the survey's day (window ending at that day's end), §5. */
public final class NpsByTier {

    public record TierNps(String tier, Double nps, long n) {
    }

    public record Report(String scope, List<TierNps> tiers) {
    }

    private NpsByTier() {
    }
}
