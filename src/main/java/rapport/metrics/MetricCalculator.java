package rapport.metrics;

import io.micronaut.cache.annotation.Cacheable;
import jakarta.inject.Singleton;
import rapport.accounts.Scope;
import rapport.system.RapportSettings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every metric of METRICS.md for a scope over a range of periods, computed on the server, once. */
@Singleton
public class MetricCalculator {

    private final ScopeFactsCache facts;
    private final DataVersion version;
    private final RapportSettings settings;

    MetricCalculator(ScopeFactsCache facts, DataVersion version, RapportSettings settings) {
        this.facts = facts;
        this.version = version;
        this.settings = settings;
    }

    public MetricReport report(Scope scope, PeriodRange range, List<Metric> metrics) {
        Map<Metric, List<MetricPoint>> all = allMetrics(version.current(), scope.accountIds(), range.grain(), range.from(), range.to());
        List<MetricSeries> series = metrics.stream().map(m -> MetricSeries.of(m, all.get(m))).toList();
        return new MetricReport(range.grain().key(), scope.label(), settings.timeZone(), range.from(), range.to(), series);
    }

    @Cacheable(value = "metric-series", parameters = {"dataVersion", "accountIds", "grain", "from", "to"})
    public Map<Metric, List<MetricPoint>> allMetrics(long dataVersion, List<Integer> accountIds, Grain grain,
                                                     LocalDate from, LocalDate to) {
        ScopeFacts scopeFacts = facts.facts(accountIds);
        List<Period> periods = new PeriodRange(grain, from, to).periods(settings.zone());
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            List<MetricPoint> points = new ArrayList<>(periods.size());
            for (Period period : periods) {
                MetricValue value = metric.compute(scopeFacts, period);
                points.add(new MetricPoint(period.start(), period.end(), value.value(), value.n()));
            }
            series.put(metric, points);
        }
        return series;
    }
}
