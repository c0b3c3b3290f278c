package rapport.metrics;

import java.util.List;

/** A metric over consecutive periods, with what a reader needs to interpret it. */
public record MetricSeries(String metric, String label, String unit, boolean higherIsBetter, String definition,
                           List<MetricPoint> points) {

    static MetricSeries of(Metric metric, List<MetricPoint> points) {
        return new MetricSeries(metric.key(), metric.label(), metric.unit().name().toLowerCase(),
                metric.higherIsBetter(), metric.definition(), points);
    }
}
