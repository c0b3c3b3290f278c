package rapport.metrics.relationships;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Tier counts at each period's end and the flows of persons between tiers from one period to the next (§5): the view's shape. */
public final class TierFlows {

    public record PeriodTiers(LocalDate periodStart, LocalDate periodEnd, Map<String, Long> counts) {
    }

    public record Transition(LocalDate periodStart, String from, String to, long count) {
    }

    public record Report(String grain, String scope, List<PeriodTiers> periods, List<Transition> transitions) {
    }

    private TierFlows() {
    }
}
