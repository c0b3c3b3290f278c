package rapport.metrics.memory;

import rapport.metrics.conversation.ResponseTimeDistribution;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.metrics.period.PeriodRange;
import rapport.metrics.relationships.CohortRetention;
import rapport.metrics.relationships.NpsByTier;
import rapport.metrics.relationships.Tier;
import rapport.metrics.relationships.TierFlows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The relationship views of METRICS.md §5–6 computed from a scope's in-memory facts: the reference for the facts' views. */
public final class InMemoryViews {

    private InMemoryViews() {
    }

    /** Tier counts at each period's end and the flows of persons between tiers from one period to the next. */
    public static TierFlows.Report tiers(ScopeFacts f, Grain grain, List<Period> periods, String scope) {
        List<TierFlows.PeriodTiers> counts = new ArrayList<>();
        List<TierFlows.Transition> transitions = new ArrayList<>();
        Tier[] before = periods.isEmpty() ? null : tiersAtEnd(f, Period.of(grain.previous(periods.get(0).start()), periods.get(0).start(), f.zone));
        for (Period p : periods) {
            Tier[] now = tiersAtEnd(f, p);
            counts.add(new TierFlows.PeriodTiers(p.start(), p.end(), count(now)));
            transitions.addAll(flows(p.start(), before, now));
            before = now;
        }
        return new TierFlows.Report(grain.key(), scope, counts, transitions);
    }

    private static Tier[] tiersAtEnd(ScopeFacts f, Period p) {
        return InMemoryTiers.at(f, p.ninetyDaysBeforeEndMicros(), p.endMicros());
    }

    private static Map<String, Long> count(Tier[] tiers) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Tier tier : List.of(Tier.ADVOCATE, Tier.REGULAR, Tier.PARTICIPANT, Tier.LAPSED)) {
            counts.put(tier.key(), 0L);
        }
        for (Tier tier : tiers) {
            if (tier != Tier.NONE) {
                counts.merge(tier.key(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** A person without a tier before is "new"; one who loses every tier is "none". */
    private static List<TierFlows.Transition> flows(LocalDate periodStart, Tier[] before, Tier[] now) {
        Map<Tier, Map<Tier, Long>> matrix = new EnumMap<>(Tier.class);
        for (int person = 0; person < now.length; person++) {
            Tier from = before[person];
            Tier to = now[person];
            if (from == Tier.NONE && to == Tier.NONE) {
                continue;
            }
            matrix.computeIfAbsent(from, t -> new EnumMap<>(Tier.class)).merge(to, 1L, Long::sum);
        }
        List<TierFlows.Transition> transitions = new ArrayList<>();
        matrix.forEach((from, row) -> row.forEach((to, count) -> transitions.add(new TierFlows.Transition(periodStart,
                from == Tier.NONE ? "new" : from.key(), to.key(), count))));
        return transitions;
    }

    /** Cohorts starting in the range; offsets whose period starts after the range's end are null. */
    public static CohortRetention.Report cohorts(ScopeFacts f, PeriodRange range, String scope) {
        Grain grain = range.grain();
        List<CohortRetention.Cohort> cohorts = new ArrayList<>();
        Map<LocalDate, BitSet> activeCache = new HashMap<>();
        for (LocalDate start : range.starts()) {
            Period cohortPeriod = Period.of(start, grain.next(start), f.zone);
            BitSet members = InteractorMetrics.active(f, cohortPeriod);
            members.stream().filter(p -> f.firstActive(p) < cohortPeriod.startMicros()).forEach(members::clear);
            List<Double> retention = new ArrayList<>();
            LocalDate offsetStart = start;
            for (int k = 1; k <= CohortRetention.OFFSETS; k++) {
                offsetStart = grain.next(offsetStart);
                if (offsetStart.isAfter(range.to()) || members.isEmpty()) {
                    retention.add(null);
                    continue;
                }
                BitSet active = (BitSet) activeCache.computeIfAbsent(offsetStart,
                        d -> InteractorMetrics.active(f, Period.of(d, grain.next(d), f.zone))).clone();
                active.and(members);
                retention.add((double) active.cardinality() / members.cardinality());
            }
            cohorts.add(new CohortRetention.Cohort(start, members.cardinality(), retention));
        }
        return new CohortRetention.Report(grain.key(), scope, cohorts);
    }

    /** NPS by the respondent's tier on the survey's day (window ending at that day's end). */
    public static NpsByTier.Report npsByTier(ScopeFacts f, Period whole, String scope) {
        Map<LocalDate, Tier[]> tiersOnDay = new HashMap<>();
        Map<Tier, long[]> tally = new HashMap<>();
        for (ScopeFacts.SurveyAnswer answer : f.surveys) {
            if (answer.day().isBefore(whole.start()) || !answer.day().isBefore(whole.end())) {
                continue;
            }
            Tier[] tiers = tiersOnDay.computeIfAbsent(answer.day(), day -> {
                Period dayEnd = Period.of(day, day.plusDays(1), f.zone);
                return InMemoryTiers.at(f, dayEnd.ninetyDaysBeforeEndMicros(), dayEnd.endMicros());
            });
            long[] t = tally.computeIfAbsent(tiers[answer.person()], k -> new long[3]);
            t[0]++;
            if (answer.score() >= 9) {
                t[1]++;
            } else if (answer.score() <= 6) {
                t[2]++;
            }
        }
        List<NpsByTier.TierNps> rows = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            long[] t = tally.getOrDefault(tier, new long[3]);
            if (tier == Tier.NONE && t[0] == 0) {
                continue;
            }
            Double nps = t[0] == 0 ? null : 100 * ((double) t[1] / t[0] - (double) t[2] / t[0]);
            rows.add(new NpsByTier.TierNps(tier.key(), nps, t[0]));
        }
        return new NpsByTier.Report(scope, rows);
    }

    /** Inbound turns starting in the range, answered ones counted per response-time bucket. */
    public static ResponseTimeDistribution.Report responseTimes(ScopeFacts f, Period whole, String scope) {
        long[] upper = ResponseTimeDistribution.upperBoundsMicros();
        long[] counts = new long[upper.length + 1];
        long unanswered = 0;
        for (Turn turn : ResponseMetrics.startingIn(f, whole)) {
            if (!turn.answered()) {
                unanswered++;
                continue;
            }
            int b = 0;
            while (b < upper.length && turn.responseMicros() >= upper[b]) {
                b++;
            }
            counts[b]++;
        }
        return ResponseTimeDistribution.of(scope, counts, unanswered);
    }
}
