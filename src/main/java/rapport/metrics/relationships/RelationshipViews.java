package rapport.metrics.relationships;

import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import rapport.accounts.Scope;
import rapport.metrics.conversation.ResponseTimeBuckets;
import rapport.metrics.conversation.ResponseTimeDistribution;
import rapport.metrics.freshness.DataVersions;
import rapport.metrics.freshness.ScopeKeyed;
import rapport.metrics.period.Period;
import rapport.metrics.period.PeriodRange;
import rapport.metrics.voice.VoiceFamilies;
import rapport.system.RapportSettings;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The relationship views (METRICS.md §5–6) for a scope and range: tier counts and flows, cohort retention,
 * response-time buckets and NPS by tier. The one entry point other features use; how they are computed stays
 * inside {@code metrics}. Tiers, flows and cohorts come from one pass over the person days kept at import time
 * (proven equal to the in-memory engine in FactEngineEquality*Test), NPS by tier is aggregated in PostgreSQL
 * from them; response-time buckets and canned replies come from the thread and brand-voice facts. Nothing
 * here loads a scope's messages.
 */
@Singleton
public class RelationshipViews {

    private final ResponseTimeBuckets responseTimes;
    private final PersonRelationships relationships;
    private final VoiceFamilies voice;
    private final DataVersions versions;
    private final RapportSettings settings;
    private final SyncCache<?> cache;

    RelationshipViews(ResponseTimeBuckets responseTimes, PersonRelationships relationships, VoiceFamilies voice,
                      DataVersions versions,
                      RapportSettings settings, @Named("metric-series") SyncCache<?> cache) {
        this.responseTimes = responseTimes;
        this.relationships = relationships;
        this.voice = voice;
        this.versions = versions;
        this.settings = settings;
        this.cache = cache;
    }

    /** One view of one scope and range, kept while the scope's data versions hold (warm requests read memory). */
    private record Key(DataVersions.ScopeVersion scope, String view, String label, PeriodRange range)
            implements ScopeKeyed {
    }

    private <T> T cached(Scope scope, String view, PeriodRange range, Class<T> type, Supplier<T> compute) {
        return cached(scope, view, range, type, version -> compute.get());
    }

    private <T> T cached(Scope scope, String view, PeriodRange range, Class<T> type,
                         Function<DataVersions.ScopeVersion, T> compute) {
        DataVersions.ScopeVersion version = versions.of(scope.accountIds());
        return cache.get(new Key(version, view, scope.label(), range), type, () -> compute.apply(version));
    }

    public TierFlows.Report tiers(Scope scope, PeriodRange range) {
        return cached(scope, "tiers", range, TierFlows.Report.class, () -> relationships.tiers(scope.accountIds(),
                range.grain(), range.periods(settings.zone()), scope.label()));
    }

    public CohortRetention.Report cohorts(Scope scope, PeriodRange range) {
        return cached(scope, "cohorts", range, CohortRetention.Report.class,
                () -> relationships.cohorts(scope.accountIds(), range, range.periods(settings.zone()), scope.label()));
    }

    public ResponseTimeDistribution.Report responseTimes(Scope scope, PeriodRange range) {
        return cached(scope, "response-times", range, ResponseTimeDistribution.Report.class,
                (DataVersions.ScopeVersion version) -> responseTimes.of(scope.accountIds(), version, range.grain(),
                        range.periods(settings.zone()), scope.label()));
    }

    public NpsByTier.Report npsByTier(Scope scope, PeriodRange range) {
        return cached(scope, "nps-by-tier", range, NpsByTier.Report.class,
                () -> relationships.npsByTier(scope.accountIds(), whole(range), scope.label()));
    }

    /**
     * The message ids of the scope's brand replies that belong to a template group (METRICS.md §4, canned
     * replies), for showing them marked; groups are per account, so a scope of the replies' own accounts suffices.
     */
    public java.util.Set<String> cannedReplies(Scope scope) {
        return voice.cannedReplies(scope.accountIds());
    }

    /** From the first period's start to the last period's end. */
    private Period whole(PeriodRange range) {
        List<Period> periods = range.periods(settings.zone());
        if (periods.isEmpty()) {
            return Period.of(range.from(), range.from(), settings.zone());
        }
        return Period.of(periods.get(0).start(), periods.get(periods.size() - 1).end(), settings.zone());
    }
}
