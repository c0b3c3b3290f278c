package rapport.metrics;

import rapport.metrics.RelationshipTiers.Tier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tier counts at each period's end and the flows of persons between tiers from one period to the next (§5). */
public final class TierFlows {

    public record PeriodTiers(LocalDate periodStart, LocalDate periodEnd, Map<String, Long> counts) {
    }

    public record Transition(LocalDate periodStart, String from, String to, long count) {
    }

    public record Report(String grain, String scope, List<PeriodTiers> periods, List<Transition> transitions) {
    }

    private TierFlows() {
    }

    static Report compute(ScopeFacts f, Grain grain, List<Period> periods, String scope) {
        List<PeriodTiers> counts = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        Tier[] before = periods.isEmpty() ? null : tiersAtEnd(f, Period.of(grain.previous(periods.get(0).start()), periods.get(0).start(), f.zone));
        for (Period p : periods) {
            Tier[] now = tiersAtEnd(f, p);
            counts.add(new PeriodTiers(p.start(), p.end(), count(now)));
            transitions.addAll(flows(p.start(), before, now));
            before = now;
        }
        return new Report(grain.key(), scope, counts, transitions);
    }

    private static Tier[] tiersAtEnd(ScopeFacts f, Period p) {
        return RelationshipTiers.at(f, p.ninetyDaysBeforeEndMicros(), p.endMicros());
    }

    private static Map<String, Long> count(Tier[] tiers) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Tier tier : List.of(Tier.ADVOCATE, Tier.REGULAR, Tier.PARTICIPANT, Tier.LAPSED)) {
            counts.put(name(tier), 0L);
        }
        for (Tier tier : tiers) {
            if (tier != Tier.NONE) {
                counts.merge(name(tier), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** A person without a tier before is "new"; one who loses every tier is "none". */
    private static List<Transition> flows(LocalDate periodStart, Tier[] before, Tier[] now) {
        Map<Tier, Map<Tier, Long>> matrix = new EnumMap<>(Tier.class);
        for (int person = 0; person < now.length; person++) {
            Tier from = before[person];
            Tier to = now[person];
            if (from == Tier.NONE && to == Tier.NONE) {
                continue;
            }
            matrix.computeIfAbsent(from, t -> new EnumMap<>(Tier.class)).merge(to, 1L, Long::sum);
        }
        List<Transition> transitions = new ArrayList<>();
        matrix.forEach((from, row) -> row.forEach((to, count) -> transitions.add(new Transition(periodStart,
                from == Tier.NONE ? "new" : name(from), name(to), count))));
        return transitions;
    }

    static String name(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }
}
