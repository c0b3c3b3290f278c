package rapport.metrics;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/metrics}: one series per metric asked for, over the same periods. */
public record MetricReport(String grain, String scope, String timeZone, LocalDate from, LocalDate to,
                           List<MetricSeries> series) {
}
