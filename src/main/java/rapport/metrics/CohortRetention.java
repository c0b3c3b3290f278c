package rapport.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cohort retention (METRICS.md §6): a person's cohort is the period of their first active message; the
 * retention of cohort C at offset k is the share of C's persons active in period C + k, k = 1 … 12.
 */
public final class CohortRetention {

    static final int OFFSETS = 12;

    public record Cohort(LocalDate cohortStart, long size, List<Double> retention) {
    }

    public record Report(String grain, String scope, List<Cohort> cohorts) {
    }

    private CohortRetention() {
    }

    /** Cohorts starting in the range; offsets whose period starts after the range's end are null. */
    static Report compute(ScopeFacts f, PeriodRange range, String scope) {
        Grain grain = range.grain();
        List<Cohort> cohorts = new ArrayList<>();
        Map<LocalDate, BitSet> activeCache = new HashMap<>();
        for (LocalDate start : range.starts()) {
            Period cohortPeriod = Period.of(start, grain.next(start), f.zone);
            BitSet members = InteractorMetrics.active(f, cohortPeriod);
            members.stream().filter(p -> f.firstActive(p) < cohortPeriod.startMicros()).forEach(members::clear);
            List<Double> retention = new ArrayList<>();
            LocalDate offsetStart = start;
            for (int k = 1; k <= OFFSETS; k++) {
                offsetStart = grain.next(offsetStart);
                if (offsetStart.isAfter(range.to()) || members.isEmpty()) {
                    retention.add(null);
                    continue;
                }
                LocalDate s = offsetStart;
                BitSet active = (BitSet) activeCache.computeIfAbsent(s, d -> InteractorMetrics.active(f, Period.of(d, grain.next(d), f.zone))).clone();
                active.and(members);
                retention.add((double) active.cardinality() / members.cardinality());
            }
            cohorts.add(new Cohort(start, members.cardinality(), retention));
        }
        return new Report(grain.key(), scope, cohorts);
    }
}
