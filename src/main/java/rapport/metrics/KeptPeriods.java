package rapport.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import rapport.metrics.freshness.DataVersions;
import rapport.metrics.freshness.PeriodsKept;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.system.SideBySide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every metric's points of a scope's periods, those the changes since the scope's last computation cannot have
 * moved kept from it ({@link PeriodsKept}): after a day's import, the last week or two of a year's chart are
 * computed again, not the year. A family that is not kept across changes (MetricFamily#keptAcrossChanges) is
 * computed for every period, each time, beside the others.
 */
@Singleton
public class KeptPeriods {

    private final MetricFamilies families;
    private final SideBySide sideBySide;
    private final PeriodsKept<Map<Metric, MetricPoint>> kept;
    private final Counter computed;
    private final Counter reused;

    KeptPeriods(DataVersions versions, MetricFamilies families, SideBySide sideBySide,
                @Named("metric-periods") SyncCache<?> cache, MeterRegistry registry) {
        this.families = families;
        this.sideBySide = sideBySide;
        this.kept = new PeriodsKept<>("metrics", versions, cache);
        this.computed = Counter.builder("rapport.metrics.periods").tag("outcome", "computed")
                .description("Periods of a scope's metrics computed from the facts").register(registry);
        this.reused = Counter.builder("rapport.metrics.periods").tag("outcome", "kept")
                .description("Periods of a scope's metrics kept from an earlier computation, unchanged since").register(registry);
    }

    /** Every metric's points for the periods (consecutive, in order), the scope's data being at {@code version}. */
    public Map<Metric, List<MetricPoint>> series(List<Integer> accountIds, DataVersions.ScopeVersion version, Grain grain,
                                                 List<Period> periods) {
        // facts derived after a writer's commit log their reach then: the log is read after they are current
        families.bringUpToDate(accountIds);
        CompletableFuture<Map<Metric, List<MetricPoint>>> notKept = sideBySide.start(
                () -> families.series(accountIds, grain, periods, family -> !family.keptAcrossChanges()));
        PeriodsKept.Values<Map<Metric, MetricPoint>> points = kept.of(accountIds, version, grain, periods,
                () -> families.joinsAccounts(accountIds),
                run -> pointsPerPeriod(families.series(accountIds, grain, run, MetricFamily::keptAcrossChanges), run.size()));
        computed.increment(periods.size() - points.kept());
        reused.increment(points.kept());
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(SideBySide.join(notKept));
        for (Metric m : Metric.values()) {
            series.computeIfAbsent(m, metric -> points.values().stream().map(p -> p.get(metric)).toList());
        }
        return series;
    }

    /** Series (a list per metric) turned into one map of every metric's point per period. */
    private static List<Map<Metric, MetricPoint>> pointsPerPeriod(Map<Metric, List<MetricPoint>> series, int periods) {
        List<Map<Metric, MetricPoint>> points = new ArrayList<>(periods);
        for (int i = 0; i < periods; i++) {
            Map<Metric, MetricPoint> one = new EnumMap<>(Metric.class);
            for (Map.Entry<Metric, List<MetricPoint>> e : series.entrySet()) {
                one.put(e.getKey(), e.getValue().get(i));
            }
            points.add(Collections.unmodifiableMap(one));
        }
        return points;
    }
}
