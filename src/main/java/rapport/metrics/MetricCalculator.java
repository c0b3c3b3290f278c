package rapport.metrics;

import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import rapport.accounts.Scope;
import rapport.system.RapportSettings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every metric of METRICS.md for a scope over a range of periods, computed on the server, once. */
@Singleton
public class MetricCalculator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MetricCalculator.class);

    private final ScopeFactsCache facts;
    private final RollupStore rollups;
    private final DataVersions versions;
    private final RapportSettings settings;
    private final SyncCache<?> cache;

    MetricCalculator(ScopeFactsCache facts, RollupStore rollups, DataVersions versions, RapportSettings settings,
                     @Named("metric-series") SyncCache<?> cache) {
        this.facts = facts;
        this.rollups = rollups;
        this.versions = versions;
        this.settings = settings;
        this.cache = cache;
    }

    private record Key(DataVersions.ScopeVersion scope, PeriodRange range) implements ScopeFactsCache.ScopeKeyed {
    }

    /** Every metric's points for one scope and range: what the cache holds. */
    private record Table(Map<Metric, List<MetricPoint>> points) {
    }

    public MetricReport report(Scope scope, PeriodRange range, List<Metric> metrics) {
        Map<Metric, List<MetricPoint>> all = cache.get(new Key(versions.of(scope.accountIds()), range), Table.class,
                () -> new Table(rollups.read(scope.accountIds(), range)
                        .orElseGet(() -> allMetrics(scope.accountIds(), range)))).points();
        List<MetricSeries> series = metrics.stream().map(m -> MetricSeries.of(m, all.get(m))).toList();
        return new MetricReport(range.grain().key(), scope.label(), settings.timeZone(), range.from(), range.to(), series);
    }

    /** Computed from the scope's facts: when no current rollup covers the range (a new scope, an import just done). */
    private Map<Metric, List<MetricPoint>> allMetrics(List<Integer> accountIds, PeriodRange range) {
        ScopeFacts scopeFacts = facts.facts(accountIds);
        long started = System.nanoTime();
        List<Period> periods = range.periods(settings.zone());
        Map<Metric, List<MetricPoint>> series = compute(scopeFacts, periods);
        LOG.info("scope {}: {} metrics × {} periods computed in {} ms", accountIds, series.size(), periods.size(),
                (System.nanoTime() - started) / 1_000_000);
        return series;
    }

    static Map<Metric, List<MetricPoint>> compute(ScopeFacts scopeFacts, List<Period> periods) {
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            List<MetricPoint> points = new ArrayList<>(periods.size());
            for (Period period : periods) {
                MetricValue value = metric.compute(scopeFacts, period);
                points.add(new MetricPoint(period.start(), period.end(), value.value(), value.n()));
            }
            series.put(metric, points);
        }
        return series;
    }
}
