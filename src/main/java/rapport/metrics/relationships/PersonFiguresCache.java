package rapport.metrics.relationships;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import rapport.metrics.facts.PersonActivity;
import rapport.metrics.freshness.DataVersions;
import rapport.metrics.freshness.PeriodsKept;
import rapport.metrics.freshness.ScopeKeyed;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;

import java.time.LocalDate;
import java.util.List;

/**
 * The person-level figures of a scope and range of periods ({@link PersonDayScan}), kept while the scope's data
 * versions hold: the dashboard's metrics, tiers and cohorts requests for one range share one pass. A cache of
 * its own: it is filled while those requests fill theirs, and Caffeine refuses a computation nested in another
 * one of the same cache. Across changes each period's figures are kept until a change reaches back before its
 * end ({@link PeriodsKept}): after a day's import, the pass computes the last week or two, not the year.
 */
@Singleton
class PersonFiguresCache {

    private final PersonActivity activity;
    private final DataVersions versions;
    private final SyncCache<?> cache;
    private final PeriodsKept<PersonDayScan.PeriodFigures> kept;
    private final Counter computed;
    private final Counter reused;

    PersonFiguresCache(PersonActivity activity, DataVersions versions, @Named("person-figures") SyncCache<?> cache,
                       @Named("metric-periods") SyncCache<?> periods, MeterRegistry registry) {
        this.activity = activity;
        this.versions = versions;
        this.cache = cache;
        this.kept = new PeriodsKept<>("person-figures", versions, periods);
        this.computed = Counter.builder("rapport.person.figures.periods").tag("outcome", "computed")
                .description("Periods of a scope's person-level figures computed from the person days").register(registry);
        this.reused = Counter.builder("rapport.person.figures.periods").tag("outcome", "kept")
                .description("Periods of a scope's person-level figures kept from an earlier pass, unchanged since")
                .register(registry);
    }

    private record Key(DataVersions.ScopeVersion scope, Grain grain, List<LocalDate> starts)
            implements ScopeKeyed {
    }

    /** Versions are read before the person days, so figures racing an import are labelled with the older ones. */
    PersonDayScan.Figures of(List<Integer> accountIds, Grain grain, List<Period> periods) {
        List<LocalDate> starts = periods.stream().map(Period::start).toList();
        DataVersions.ScopeVersion version = versions.of(accountIds);
        return cache.get(new Key(version, grain, starts), PersonDayScan.Figures.class, () -> {
            // a person's days are united over the scope's accounts: nothing of one account's facts joins another's
            if (periods.isEmpty()) {
                return PersonDayScan.Figures.of(List.of());
            }
            PeriodsKept.Values<PersonDayScan.PeriodFigures> figures = kept.of(accountIds, version, grain, periods,
                    () -> false, run -> PersonDayScan.scan(activity, accountIds, grain, run.stream().map(Period::start).toList()));
            computed.increment(periods.size() - figures.kept());
            reused.increment(figures.kept());
            return PersonDayScan.Figures.of(figures.values());
        });
    }
}
