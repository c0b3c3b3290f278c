package rapport.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import rapport.metrics.freshness.DataVersions;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The points of a scope's periods as last computed, kept across data changes: after an import, a period that
 * ends at or before the earliest instant the changes since can reach (DataVersions' change log) is still right,
 * so only the later periods are computed again — after a day's import, the last week or two of a year's chart.
 * A scope whose figures join its accounts' facts (MetricFamily#joinsAccounts) is computed whole after any change.
 */
@Singleton
class KeptPeriods {

    private final DataVersions versions;
    private final MetricFamilies families;
    private final SyncCache<?> kept;
    private final Counter computed;
    private final Counter reused;

    KeptPeriods(DataVersions versions, MetricFamilies families, @Named("metric-periods") SyncCache<?> kept,
                MeterRegistry registry) {
        this.versions = versions;
        this.families = families;
        this.kept = kept;
        this.computed = Counter.builder("rapport.metrics.periods").tag("outcome", "computed")
                .description("Periods of a scope's metrics computed from the facts").register(registry);
        this.reused = Counter.builder("rapport.metrics.periods").tag("outcome", "kept")
                .description("Periods of a scope's metrics kept from an earlier computation, unchanged since").register(registry);
    }

    private record Key(List<Integer> accountIds, Grain grain) {
    }

    /** Every metric's point of one period, and the period's end as an instant (µs). */
    private record PeriodPoints(long endMicros, Map<Metric, MetricPoint> points) {
    }

    /**
     * Points by period start, each right at {@code version}; {@code joined}: the scope joined its accounts' facts
     * when they were computed (asked after computing: a join made before the versions were read is seen then, a
     * later one is logged as reaching back to the beginning).
     */
    private record Kept(DataVersions.ScopeVersion version, boolean joined, Map<LocalDate, PeriodPoints> byStart) {
    }

    /** Every metric's points for the periods (consecutive, in order), the scope's data being at {@code version}. */
    Map<Metric, List<MetricPoint>> series(List<Integer> accountIds, DataVersions.ScopeVersion version, Grain grain,
                                          List<Period> periods) {
        // facts derived after a writer's commit log their reach then: the log is read after they are current
        families.bringUpToDate(accountIds);
        Key key = new Key(List.copyOf(accountIds), grain);
        Map<LocalDate, PeriodPoints> byStart = new HashMap<>();
        kept.get(key, Kept.class).ifPresent(before -> {
            long rightUntil = rightUntil(before);
            before.byStart().forEach((start, points) -> {
                if (points.endMicros() <= rightUntil) {
                    byStart.put(start, points);
                }
            });
        });
        List<Period> missing = periods.stream().filter(p -> !byStart.containsKey(p.start())).toList();
        for (List<Period> run : consecutive(missing)) {
            Map<Metric, List<MetricPoint>> series = families.series(accountIds, grain, run);
            for (int i = 0; i < run.size(); i++) {
                Map<Metric, MetricPoint> points = new EnumMap<>(Metric.class);
                for (Map.Entry<Metric, List<MetricPoint>> e : series.entrySet()) {
                    points.put(e.getKey(), e.getValue().get(i));
                }
                byStart.put(run.get(i).start(), new PeriodPoints(run.get(i).endMicros(), points));
            }
        }
        computed.increment(missing.size());
        reused.increment(periods.size() - missing.size());
        kept.put(key, new Kept(version, families.joinAccounts(accountIds), Map.copyOf(byStart)));
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            series.put(m, periods.stream().map(p -> byStart.get(p.start()).points().get(m)).toList());
        }
        return series;
    }

    /** Periods ending at or before the returned instant (µs) are as they were when {@code before} was computed. */
    private long rightUntil(Kept before) {
        if (before.joined()) {
            return DataVersions.FROM_THE_BEGINNING;
        }
        OptionalLong earliest = versions.earliestChangeSince(before.version());
        return earliest.isEmpty() ? Long.MAX_VALUE : earliest.getAsLong();
    }

    /** The periods split where one does not start at the previous one's end. */
    private static List<List<Period>> consecutive(List<Period> periods) {
        List<List<Period>> runs = new ArrayList<>();
        List<Period> run = new ArrayList<>();
        for (Period p : periods) {
            if (!run.isEmpty() && !run.get(run.size() - 1).end().equals(p.start())) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(p);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }
}
