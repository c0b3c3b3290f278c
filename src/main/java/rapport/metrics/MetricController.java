package rapport.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import rapport.security.Role;
import rapport.system.EncodedAnswers;

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
    private final EncodedAnswers json;

    MetricController(MetricCalculator calculator, MetricQueryResolver queries, EncodedAnswers json) {
        this.calculator = calculator;
        this.queries = queries;
        this.json = json;
    }

    // a warm request gets the report it got before, already encoded (EncodedAnswers)
    @Get
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MetricReport.class)))
    HttpResponse<byte[]> metrics(@Nullable @QueryValue String metrics, @RequestBean MetricQuery query) {
        List<Metric> wanted = Metric.parseList(metrics);
        MetricQueryResolver.Resolved resolved = queries.resolve(query);
        return json.ok(calculator.report(resolved.scope(), resolved.range(), wanted));
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
