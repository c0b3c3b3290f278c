package rapport.metrics;

import java.time.LocalDate;

/** One metric for one period: value (null when undefined) and sample size n (the ratio's denominator). */
public record MetricPoint(LocalDate periodStart, LocalDate periodEnd, Double value, Long n) {
}
