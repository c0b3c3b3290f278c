package rapport.metrics;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.system.SideBySide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every metric's points for a scope and consecutive periods, each from the family that covers it. What the
 * calculator serves and the rollups store; it caches nothing. The families are computed side by side: each is
 * mostly one statement or one pass, and the server's cores (PostgreSQL's among them) would otherwise take turns.
 */
@Singleton
public class MetricFamilies {

    private static final Logger LOG = LoggerFactory.getLogger(MetricFamilies.class);

    private final List<MetricFamily> families;
    private final SideBySide sideBySide;

    MetricFamilies(List<MetricFamily> families, SideBySide sideBySide) {
        this.families = families;
        this.sideBySide = sideBySide;
        Set<Metric> covered = EnumSet.noneOf(Metric.class);
        families.forEach(f -> covered.addAll(f.metrics()));
        if (covered.size() < Metric.values().length) {
            throw new IllegalStateException("metrics without a family: " + EnumSet.complementOf(EnumSet.copyOf(covered))
                    + "; see README, Add a metric");
        }
    }

    /** The points of the families chosen (MetricFamily#keptAcrossChanges splits them for KeptPeriods). */
    public Map<Metric, List<MetricPoint>> series(List<Integer> accountIds, Grain grain, List<Period> periods,
                                                 Predicate<MetricFamily> chosen) {
        List<String> took = Collections.synchronizedList(new ArrayList<>());
        List<Supplier<Map<Metric, List<MetricPoint>>>> computing = families.stream().filter(chosen)
                .map(family -> (Supplier<Map<Metric, List<MetricPoint>>>) () -> {
                    long started = System.nanoTime();
                    Map<Metric, List<MetricPoint>> computed = family.compute(accountIds, grain, periods);
                    took.add(family.getClass().getSimpleName() + " " + (System.nanoTime() - started) / 1_000_000 + " ms");
                    return computed;
                }).toList();
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        sideBySide.all(computing).forEach(series::putAll);
        LOG.info("scope {}, time per family: {}", accountIds, String.join(", ", took));
        return series;
    }

    /** Derived facts kept after the writer's commit brought up to date, so that the change log is complete. */
    public void bringUpToDate(List<Integer> accountIds) {
        families.forEach(f -> f.bringUpToDate(accountIds));
    }

    /** Whether any family joins the scope's accounts' facts in ways not kept per row (MetricFamily#joinsAccounts). */
    public boolean joinsAccounts(List<Integer> accountIds) {
        return families.stream().anyMatch(f -> f.joinsAccounts(accountIds));
    }
}
