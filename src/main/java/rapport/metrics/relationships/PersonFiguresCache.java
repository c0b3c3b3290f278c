package rapport.metrics.relationships;

import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import rapport.metrics.facts.PersonActivity;
import rapport.metrics.freshness.DataVersions;
import rapport.metrics.freshness.ScopeKeyed;
import rapport.metrics.period.Grain;

import java.time.LocalDate;
import java.util.List;

/**
 * The person-level figures of a scope and range of periods ({@link PersonDayScan}), kept while the scope's data
 * versions hold: the dashboard's metrics, tiers and cohorts requests for one range share one pass. A cache of
 * its own: it is filled while those requests fill theirs, and Caffeine refuses a computation nested in another
 * one of the same cache.
 */
@Singleton
class PersonFiguresCache {

    private final PersonActivity activity;
    private final DataVersions versions;
    private final SyncCache<?> cache;

    PersonFiguresCache(PersonActivity activity, DataVersions versions, @Named("person-figures") SyncCache<?> cache) {
        this.activity = activity;
        this.versions = versions;
        this.cache = cache;
    }

    private record Key(DataVersions.ScopeVersion scope, Grain grain, List<LocalDate> starts)
            implements ScopeKeyed {
    }

    /** Versions are read before the person days, so figures racing an import are labelled with the older ones. */
    PersonDayScan.Figures of(List<Integer> accountIds, Grain grain, List<LocalDate> starts) {
        return cache.get(new Key(versions.of(accountIds), grain, List.copyOf(starts)), PersonDayScan.Figures.class,
                () -> PersonDayScan.scan(activity, accountIds, grain, starts));
    }
}
