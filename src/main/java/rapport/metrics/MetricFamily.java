package rapport.metrics;

import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;

import java.util.List;
import java.util.Map;

/**
 * Metrics computed together from the facts kept in PostgreSQL at import time, for any set of accounts and any
 * consecutive periods: one point per period, in order, equal to what the tests' in-memory reference engine gives.
 */
public interface MetricFamily {

    List<Metric> metrics();

    Map<Metric, List<MetricPoint>> compute(List<Integer> accountIds, Grain grain, List<Period> periods);
}
