package rapport.summary;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The monthly summary of one scope, every figure as the metrics API returns it for the month
 * ({@code grain=month}). Changes are null when either month lacks a value or the month is partial.
 */
@Introspected
public record MonthlySummary(String month, String monthLabel, String scope, String timeZone,
                             LocalDate periodStart, LocalDate periodEnd,
                             boolean partial, @Nullable LocalDate dataUntil, String coverage,
                             List<String> highlights, List<Figure> headlines, List<Trend> trends,
                             Tiers tiers, List<TierNps> npsByTier, AccountTable accounts,
                             Advocates advocates, Figure sla, int slaHours, List<Definition> definitions) {

    /** A headline figure this month, with the previous month and the same month a year earlier. */
    @Introspected
    public record Figure(String metric, String label, String unit, boolean higherIsBetter, @Nullable Double value,
                         @Nullable Long n, Comparison previousMonth, Comparison yearEarlier) {
    }

    /**
     * The other month's value and the difference (this month − that month); {@code verdict} is better, worse,
     * same or null (no comparison: a value is missing or this month is partial).
     */
    @Introspected
    public record Comparison(String month, @Nullable Double value, @Nullable Long n, @Nullable Double change,
                             @Nullable Double relativeChange, @Nullable String verdict) {
    }

    /** A metric over the 13 months ending with this one. */
    @Introspected
    public record Trend(String metric, String label, String unit, boolean higherIsBetter, List<TrendPoint> points) {
    }

    @Introspected
    public record TrendPoint(String month, @Nullable Double value, @Nullable Long n) {
    }

    /** Relationship tiers at the month's end and at the previous month's end. */
    @Introspected
    public record Tiers(Map<String, Long> counts, Map<String, Long> previous) {
    }

    @Introspected
    public record TierNps(String tier, @Nullable Double nps, long n) {
    }

    /** Every account of the scope, most improved first; improved/declined hold the ends of that order. */
    @Introspected
    public record AccountTable(List<String> metrics, List<AccountRow> rows, List<String> improved, List<String> declined) {
    }

    /**
     * One account's figures this month and the month before, with the cases behind each (n, or the count);
     * score &gt; 0 means the account's figures got better overall.
     */
    @Introspected
    public record AccountRow(String account, List<AccountCell> cells, double score) {
    }

    @Introspected
    public record AccountCell(String metric, String unit, boolean higherIsBetter, @Nullable Double value,
                              @Nullable Double previous, @Nullable Long sample, @Nullable Long previousSample,
                              @Nullable String verdict) {
    }

    /** The month's advocates (METRICS.md §4) by their activity in the month; {@code total} counts all of them. */
    @Introspected
    public record Advocates(long total, List<Advocate> top) {
    }

    @Introspected
    public record Advocate(String network, String handle, long activeWeeks, long shares, long messagesThisMonth) {
    }

    @Introspected
    public record Definition(String label, String definition) {
    }
}
