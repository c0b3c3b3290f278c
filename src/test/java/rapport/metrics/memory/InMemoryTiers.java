package rapport.metrics.memory;

import rapport.metrics.MetricValue;
import rapport.metrics.period.Period;
import rapport.metrics.relationships.Tier;

/**
 * advocates (METRICS.md §4) and the relationship tiers of §5, per person at a period's end over the
 * 90-day window W = [end − 90 days, end).
 */
final class InMemoryTiers {

    private InMemoryTiers() {
    }

    static MetricValue advocates(ScopeFacts f, Period p) {
        Tier[] tiers = at(f, p.ninetyDaysBeforeEndMicros(), p.endMicros());
        long advocates = 0;
        for (Tier tier : tiers) {
            if (tier == Tier.ADVOCATE) {
                advocates++;
            }
        }
        return MetricValue.count(advocates);
    }

    /** Every person's tier for the window [windowStart, windowEnd). */
    static Tier[] at(ScopeFacts f, long windowStart, long windowEnd) {
        ScopeData d = f.data;
        int[] weeks = new int[d.persons];
        long[] lastWeek = new long[d.persons];
        boolean[] amplified = new boolean[d.persons];
        java.util.Arrays.fill(lastWeek, Long.MIN_VALUE);
        for (int i = d.firstAtOrAfter(windowStart), end = d.firstAtOrAfter(windowEnd); i < end; i++) {
            if (!d.isActive(i)) {
                continue;
            }
            int person = d.person[i];
            // messages come in time order, so a person's weeks arrive in order: count the changes
            if (f.week[i] != lastWeek[person]) {
                lastWeek[person] = f.week[i];
                weeks[person]++;
            }
            if (d.kind[i] == MessageKind.SHARE) {
                amplified[person] = true;
            }
        }
        Tier[] tiers = new Tier[d.persons];
        for (int person = 0; person < d.persons; person++) {
            if (weeks[person] >= 3 && amplified[person]) {
                tiers[person] = Tier.ADVOCATE;
            } else if (weeks[person] >= 2) {
                tiers[person] = Tier.REGULAR;
            } else if (weeks[person] == 1) {
                tiers[person] = Tier.PARTICIPANT;
            } else if (f.firstActive(person) < windowStart) {
                tiers[person] = Tier.LAPSED;
            } else {
                tiers[person] = Tier.NONE;
            }
        }
        return tiers;
    }
}
