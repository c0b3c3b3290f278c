package rapport.metrics;

import rapport.metrics.RelationshipTiers.Tier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** NPS broken down by the respondent's tier on the survey's day (window ending at that day's end), §5. */
public final class NpsByTier {

    public record TierNps(String tier, Double nps, long n) {
    }

    public record Report(String scope, List<TierNps> tiers) {
    }

    private NpsByTier() {
    }

    static Report compute(ScopeFacts f, Period whole, String scope) {
        Map<LocalDate, Tier[]> tiersOnDay = new HashMap<>();
        Map<Tier, long[]> tally = new HashMap<>();
        for (ScopeFacts.SurveyAnswer answer : f.surveys) {
            if (answer.day().isBefore(whole.start()) || !answer.day().isBefore(whole.end())) {
                continue;
            }
            Tier[] tiers = tiersOnDay.computeIfAbsent(answer.day(), day -> {
                Period dayEnd = Period.of(day, day.plusDays(1), f.zone);
                return RelationshipTiers.at(f, dayEnd.ninetyDaysBeforeEndMicros(), dayEnd.endMicros());
            });
            long[] t = tally.computeIfAbsent(tiers[answer.person()], k -> new long[3]);
            t[0]++;
            if (answer.score() >= 9) {
                t[1]++;
            } else if (answer.score() <= 6) {
                t[2]++;
            }
        }
        List<TierNps> rows = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            long[] t = tally.getOrDefault(tier, new long[3]);
            if (tier == Tier.NONE && t[0] == 0) {
                continue;
            }
            Double nps = t[0] == 0 ? null : 100 * ((double) t[1] / t[0] - (double) t[2] / t[0]);
            rows.add(new TierNps(TierFlows.name(tier), nps, t[0]));
        }
        return new Report(scope, rows);
    }
}
