package rapport.metrics;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

/**
 * Every metric's points for a scope and consecutive periods, each from the family that covers it. What the
 * calculator serves and the rollups store; it caches nothing. The families are computed side by side: each is
 * mostly one statement or one pass, and the server's cores (PostgreSQL's among them) would otherwise take turns.
 */
@Singleton
public class MetricFamilies {

    private static final Logger LOG = LoggerFactory.getLogger(MetricFamilies.class);

    private final List<MetricFamily> families;
    private final ExecutorService executor;

    MetricFamilies(List<MetricFamily> families, @Named(TaskExecutors.IO) ExecutorService executor) {
        this.families = families;
        this.executor = executor;
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
        return joined(started(accountIds, grain, periods, chosen));
    }

    /** The same, started: what the caller does meanwhile runs beside it. */
    CompletableFuture<Map<Metric, List<MetricPoint>>> started(List<Integer> accountIds, Grain grain, List<Period> periods,
                                                              Predicate<MetricFamily> chosen) {
        List<CompletableFuture<Map<Metric, List<MetricPoint>>>> computing = new ArrayList<>();
        List<String> took = Collections.synchronizedList(new ArrayList<>());
        for (MetricFamily family : families) {
            if (chosen.test(family)) {
                computing.add(CompletableFuture.supplyAsync(() -> {
                    long started = System.nanoTime();
                    Map<Metric, List<MetricPoint>> computed = family.compute(accountIds, grain, periods);
                    took.add(family.getClass().getSimpleName() + " " + (System.nanoTime() - started) / 1_000_000 + " ms");
                    return computed;
                }, executor));
            }
        }
        return CompletableFuture.allOf(computing.toArray(CompletableFuture[]::new)).thenApply(all -> {
            Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
            computing.forEach(c -> series.putAll(c.join()));
            LOG.info("scope {}, time per family: {}", accountIds, String.join(", ", took));
            return series;
        });
    }

    /** The result of work started here, its failure thrown as it was thrown. */
    static <T> T joined(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
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
