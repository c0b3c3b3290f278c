package rapport.metrics;

/** A metric's value for one period (null when undefined, e.g. a zero denominator) and its sample size n. */
public record MetricValue(Double value, Long n) {

    public static MetricValue count(long count) {
        return new MetricValue((double) count, null);
    }

    /** numerator / denominator, null (never a division error) when the denominator is zero. */
    public static MetricValue ratio(long numerator, long denominator) {
        return new MetricValue(denominator == 0 ? null : (double) numerator / denominator, denominator);
    }
}
