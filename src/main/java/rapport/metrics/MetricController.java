package rapport.metrics;

import io.micronaut.security.annotation.Secured;
import rapport.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/metrics?metrics=k1,k2&grain=week|month&from=YYYY-MM-DD&to=YYYY-MM-DD&accounts=network/handle,…}
 */
@Controller("/api/metrics")
@Secured(Role.VIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class MetricController {

    private final MetricCalculator calculator;
    private final MetricQueryResolver queries;

    MetricController(MetricCalculator calculator, MetricQueryResolver queries) {
        this.calculator = calculator;
        this.queries = queries;
    }

    @Get
    MetricReport metrics(@Nullable @QueryValue String metrics, @RequestBean MetricQuery query) {
        List<Metric> wanted = Metric.parseList(metrics);
        MetricQueryResolver.Resolved resolved = queries.resolve(query);
        return calculator.report(resolved.scope(), resolved.range(), wanted);
    }

    /** The list of metrics with their definitions, for the dashboard's labels and tooltips. */
    @Get("/definitions")
    List<MetricDefinition> definitions() {
        return Arrays.stream(Metric.values()).map(MetricDefinition::of).toList();
    }

    record MetricDefinition(String key, String label, String unit, boolean higherIsBetter, String definition) {
        static MetricDefinition of(Metric m) {
            return new MetricDefinition(m.key(), m.label(), m.unit().name().toLowerCase(), m.higherIsBetter(), m.definition());
        }
    }
}
