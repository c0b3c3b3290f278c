package rapport.metrics.freshness;

import io.micronaut.cache.SyncCache;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One view's per-period values of a scope (a period's metric points, its response-time buckets), kept across data
 * changes: a period that ends at or before the earliest instant the changes since can reach (the change log,
 * {@link DataVersions#earliestChangeSince}) is still right, so only later periods are computed again. A value must
 * depend on its period alone (not on the others asked with it) and move only with data dated before the period's
 * end or facts dated in it. A scope whose figures join its accounts' facts (threads or template groups across
 * them) is computed whole after any change.
 *
 * @param <T> one period's value; immutable
 */
public final class PeriodsKept<T> {

    private final String view;
    private final DataVersions versions;
    private final SyncCache<?> cache;

    public PeriodsKept(String view, DataVersions versions, SyncCache<?> cache) {
        this.view = view;
        this.versions = versions;
        this.cache = cache;
    }

    /** Settings (time zone, SLA) are read at start-up, so values kept in memory never span two of them. */
    private record Key(String view, List<Integer> accountIds, Grain grain) {
    }

    private record PeriodValue(long endMicros, Object value) {
    }

    /**
     * Values by period start, each right at {@code version}; {@code joined}: the scope joined its accounts' facts
     * when they were computed (asked after computing: a join made before the versions were read is seen then, a
     * later one is logged as reaching back to the beginning).
     */
    private record Kept(DataVersions.ScopeVersion version, boolean joined, Map<LocalDate, PeriodValue> byStart) {
    }

    /** What one call did: the values of the periods asked, in their order, and how many were kept. */
    public record Values<T>(List<T> values, int kept) {
    }

    /**
     * The value of every period asked (consecutive, in order), the scope's data being at {@code version}: kept ones,
     * and the others from {@code compute}, given runs of consecutive periods and returning one value per period.
     */
    @SuppressWarnings("unchecked")
    public Values<T> of(List<Integer> accountIds, DataVersions.ScopeVersion version, Grain grain, List<Period> periods,
                        BooleanSupplier joinsAccounts, Function<List<Period>, List<T>> compute) {
        Key key = new Key(view, List.copyOf(accountIds), grain);
        Map<LocalDate, PeriodValue> byStart = new HashMap<>();
        cache.get(key, Kept.class).ifPresent(before -> {
            long rightUntil = rightUntil(before);
            before.byStart().forEach((start, value) -> {
                if (value.endMicros() <= rightUntil) {
                    byStart.put(start, value);
                }
            });
        });
        List<Period> missing = periods.stream().filter(p -> !byStart.containsKey(p.start())).toList();
        for (List<Period> run : consecutive(missing)) {
            List<T> values = compute.apply(run);
            for (int i = 0; i < run.size(); i++) {
                byStart.put(run.get(i).start(), new PeriodValue(run.get(i).endMicros(), values.get(i)));
            }
        }
        cache.put(key, new Kept(version, joinsAccounts.getAsBoolean(), Map.copyOf(byStart)));
        List<T> values = periods.stream().map(p -> (T) byStart.get(p.start()).value()).toList();
        return new Values<>(values, periods.size() - missing.size());
    }

    /** Periods ending at or before the returned instant (µs) are as they were when {@code before} was computed. */
    private long rightUntil(Kept before) {
        OptionalLong earliest = versions.earliestChangeSince(before.version());
        if (earliest.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return before.joined() ? DataVersions.FROM_THE_BEGINNING : earliest.getAsLong();
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
