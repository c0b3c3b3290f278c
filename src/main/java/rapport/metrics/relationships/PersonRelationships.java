package rapport.metrics.relationships;

import jakarta.inject.Singleton;
import rapport.metrics.facts.PersonActivity;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.metrics.period.PeriodRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tier counts and flows, cohort retention (one pass over the person days kept at import time,
 * {@link PersonDayScan}) and NPS by tier (aggregated in PostgreSQL), in the shapes of the views' records.
 */
@Singleton
public class PersonRelationships {

    private final PersonActivity activity;
    private final PersonFiguresCache figures;

    PersonRelationships(PersonActivity activity, PersonFiguresCache figures) {
        this.activity = activity;
        this.figures = figures;
    }

    public TierFlows.Report tiers(List<Integer> accountIds, Grain grain, List<Period> periods, String scope) {
        PersonDayScan.Figures scanned = figures.of(accountIds, grain, periods);
        List<TierFlows.PeriodTiers> counts = PersonFamilies.tierCounts(scanned, periods);
        List<PersonActivity.TierMove> moves = new ArrayList<>(scanned.moves());
        Map<LocalDate, LocalDate> startByEnd = new HashMap<>();
        periods.forEach(p -> startByEnd.put(p.end(), p.start()));
        // in the order the views have always listed them (the tests' in-memory reference too): by period, then by tier from, then by tier to
        moves.removeIf(m -> m.count() == 0 || (m.from().equals("none") && m.to().equals("none")));
        moves.sort(Comparator.comparing(PersonActivity.TierMove::end)
                .thenComparing(m -> Tier.fromKey(m.from())).thenComparing(m -> Tier.fromKey(m.to())));
        List<TierFlows.Transition> transitions = moves.stream().map(m -> new TierFlows.Transition(startByEnd.get(m.end()),
                m.from().equals("none") ? "new" : m.from(), m.to(), m.count())).toList();
        return new TierFlows.Report(grain.key(), scope, counts, transitions);
    }

    /** The cohorts of the range's periods ({@code periods}: the same, in the workspace time zone). */
    public CohortRetention.Report cohorts(List<Integer> accountIds, PeriodRange range, List<Period> periods, String scope) {
        Grain grain = range.grain();
        List<LocalDate> starts = range.starts();
        Map<LocalDate, Map<LocalDate, Long>> active = new HashMap<>();
        for (PersonActivity.CohortCell cell : figures.of(accountIds, grain, periods).cohorts()) {
            active.computeIfAbsent(cell.cohort(), c -> new HashMap<>()).put(cell.period(), cell.count());
        }
        List<CohortRetention.Cohort> cohorts = new ArrayList<>();
        for (LocalDate start : starts) {
            Map<LocalDate, Long> cells = active.getOrDefault(start, Map.of());
            long size = cells.getOrDefault(start, 0L);
            List<Double> retention = new ArrayList<>();
            LocalDate offsetStart = start;
            for (int k = 1; k <= CohortRetention.OFFSETS; k++) {
                offsetStart = grain.next(offsetStart);
                retention.add(offsetStart.isAfter(range.to()) || size == 0 ? null
                        : (double) cells.getOrDefault(offsetStart, 0L) / size);
            }
            cohorts.add(new CohortRetention.Cohort(start, size, retention));
        }
        return new CohortRetention.Report(grain.key(), scope, cohorts);
    }

    public NpsByTier.Report npsByTier(List<Integer> accountIds, Period whole, String scope) {
        Map<String, PersonActivity.NpsTally> tallies = activity.npsByTier(accountIds, whole.start(), whole.end());
        List<NpsByTier.TierNps> rows = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            PersonActivity.NpsTally t = tallies.getOrDefault(tier.key(), PersonActivity.NpsTally.NONE);
            if (tier == Tier.NONE && t.n() == 0) {
                continue;
            }
            rows.add(new NpsByTier.TierNps(tier.key(), PersonFamilies.nps(t).value(), t.n()));
        }
        return new NpsByTier.Report(scope, rows);
    }
}
