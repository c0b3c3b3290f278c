package rapport.metrics;

import io.micronaut.cache.SyncCache;
import io.micronaut.context.annotation.Value;
import rapport.metrics.conversation.ConversationFamilies;
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
    private final List<MetricFamily> families;
    private final ConversationFamilies conversations;
    private final boolean fromFacts;

    MetricCalculator(ScopeFactsCache facts, RollupStore rollups, DataVersions versions, RapportSettings settings,
                     @Named("metric-series") SyncCache<?> cache, List<MetricFamily> families,
                     ConversationFamilies conversations, @Value("${rapport.metrics.engine:facts}") String engine) {
        this.facts = facts;
        this.rollups = rollups;
        this.versions = versions;
        this.settings = settings;
        this.cache = cache;
        this.families = families;
        this.conversations = conversations;
        java.util.Set<Metric> covered = java.util.EnumSet.noneOf(Metric.class);
        families.forEach(f -> covered.addAll(f.metrics()));
        // the in-memory engine stays the answer until the families cover every metric (and for A/B benchmarks)
        this.fromFacts = "facts".equals(engine) && covered.size() == Metric.values().length;
        LOG.info("metric series computed {}", fromFacts ? "from the facts in PostgreSQL" : "in memory from the scope's messages");
    }

    private record Key(DataVersions.ScopeVersion scope, PeriodRange range) implements ScopeFactsCache.ScopeKeyed {
    }

    /** Every metric's points for one scope and range: what the cache holds. */
    private record Table(Map<Metric, List<MetricPoint>> points) {
    }

    /** One answer as asked for (these metrics, this label), kept too: a warm request gets the same object. */
    private record ReportKey(DataVersions.ScopeVersion scope, PeriodRange range, String label, List<Metric> metrics)
            implements ScopeFactsCache.ScopeKeyed {
    }

    public MetricReport report(Scope scope, PeriodRange range, List<Metric> metrics) {
        DataVersions.ScopeVersion version = versions.of(scope.accountIds());
        ReportKey key = new ReportKey(version, range, scope.label(), List.copyOf(metrics));
        return cache.get(key, MetricReport.class).orElseGet(() -> {
            // one after the other, never nested: Caffeine refuses a computation inside another of the same cache
            Map<Metric, List<MetricPoint>> all = cache.get(new Key(version, range), Table.class,
                    () -> new Table(rollups.read(scope.accountIds(), range)
                            .orElseGet(() -> allMetrics(scope.accountIds(), range)))).points();
            List<MetricSeries> series = metrics.stream().map(m -> MetricSeries.of(m, all.get(m))).toList();
            return cache.get(key, MetricReport.class, () -> new MetricReport(range.grain().key(), scope.label(),
                    settings.timeZone(), range.from(), range.to(), series));
        });
    }

    /** When no current rollup covers the range (a new scope, an import just done). */
    private Map<Metric, List<MetricPoint>> allMetrics(List<Integer> accountIds, PeriodRange range) {
        long started = System.nanoTime();
        List<Period> periods = range.periods(settings.zone());
        Map<Metric, List<MetricPoint>> series = series(accountIds, range.grain(), periods);
        LOG.info("scope {}: {} metrics × {} periods computed in {} ms", accountIds, series.size(), periods.size(),
                (System.nanoTime() - started) / 1_000_000);
        return series;
    }

    /** Every metric's points for the scope and consecutive periods, from the facts or, until they cover all, in memory. */
    Map<Metric, List<MetricPoint>> series(List<Integer> accountIds, Grain grain, List<Period> periods) {
        if (!fromFacts || !conversations.coverEveryThread(accountIds)) {
            return compute(facts.facts(accountIds), periods);
        }
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        StringBuilder took = new StringBuilder();
        for (MetricFamily family : families) {
            long started = System.nanoTime();
            Map<Metric, List<MetricPoint>> computed = family.compute(accountIds, grain, periods);
            family.metrics().forEach(m -> series.put(m, computed.get(m)));
            took.append(' ').append(family.getClass().getSimpleName()).append(' ')
                    .append((System.nanoTime() - started) / 1_000_000).append(" ms");
        }
        LOG.info("scope {}, time per family:{}", accountIds, took);
        return series;
    }

    boolean fromFacts() {
        return fromFacts;
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
