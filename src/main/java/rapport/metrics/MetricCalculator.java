package rapport.metrics;

import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import rapport.accounts.Scope;
import rapport.metrics.freshness.DataVersions;
import rapport.metrics.freshness.ScopeKeyed;
import rapport.metrics.period.Period;
import rapport.metrics.period.PeriodRange;
import rapport.metrics.rollup.RollupStore;
import rapport.system.RapportSettings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every metric of METRICS.md for a scope over a range of periods, computed on the server, once. */
@Singleton
public class MetricCalculator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MetricCalculator.class);

    private final RollupStore rollups;
    private final DataVersions versions;
    private final RapportSettings settings;
    private final SyncCache<?> cache;
    private final SyncCache<?> reports;
    private final KeptPeriods periods;

    MetricCalculator(RollupStore rollups, DataVersions versions, RapportSettings settings,
                     @Named("metric-series") SyncCache<?> cache, @Named("metric-reports") SyncCache<?> reports,
                     KeptPeriods periods) {
        this.rollups = rollups;
        this.versions = versions;
        this.settings = settings;
        this.cache = cache;
        this.reports = reports;
        this.periods = periods;
    }

    private record Key(DataVersions.ScopeVersion scope, PeriodRange range) implements ScopeKeyed {
    }

    /** Every metric's points for one scope and range: what the cache holds, shared by requests, so not to be changed. */
    private record Table(Map<Metric, List<MetricPoint>> points) {
        Table {
            points = Collections.unmodifiableMap(new EnumMap<>(points));
        }
    }

    /**
     * One answer as asked for (these metrics, this label), kept too, so that a warm request gets the same object
     * (and its encoded bytes); in a cache of its own, so that a summary or an export asking account by account
     * does not push the dashboard's tables out.
     */
    private record ReportKey(DataVersions.ScopeVersion scope, PeriodRange range, String label, List<Metric> metrics)
            implements ScopeKeyed {
    }

    public MetricReport report(Scope scope, PeriodRange range, List<Metric> metrics) {
        DataVersions.ScopeVersion version = versions.of(scope.accountIds());
        ReportKey key = new ReportKey(version, range, scope.label(), List.copyOf(metrics));
        return reports.get(key, MetricReport.class, () -> {
            Map<Metric, List<MetricPoint>> all = cache.get(new Key(version, range), Table.class,
                    () -> new Table(rollups.read(scope.accountIds(), range)
                            .orElseGet(() -> allMetrics(version, range)))).points();
            List<MetricSeries> series = metrics.stream().map(m -> MetricSeries.of(m, all.get(m))).toList();
            return new MetricReport(range.grain().key(), scope.label(), settings.timeZone(), range.from(), range.to(), series);
        });
    }

    /**
     * When no current rollup covers the range (a new scope, an import just done): the periods the changes since
     * the scope's last computation cannot have moved are kept, the others computed.
     */
    private Map<Metric, List<MetricPoint>> allMetrics(DataVersions.ScopeVersion version, PeriodRange range) {
        long started = System.nanoTime();
        List<Period> asked = range.periods(settings.zone());
        Map<Metric, List<MetricPoint>> series = periods.series(version.accountIds(), version, range.grain(), asked);
        LOG.info("scope {}: {} metrics × {} periods in {} ms", version.accountIds(), series.size(), asked.size(),
                (System.nanoTime() - started) / 1_000_000);
        return series;
    }
}
