package rapport.export;

import io.micronaut.security.annotation.Secured;
import rapport.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import rapport.metrics.Metric;
import rapport.metrics.MetricCalculator;
import rapport.metrics.MetricPoint;
import rapport.metrics.MetricQuery;
import rapport.metrics.MetricQueryResolver;
import rapport.metrics.MetricReport;
import rapport.metrics.MetricSeries;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/export/metrics.csv}, same parameters as {@code /api/metrics}: long-form CSV
 * {@code period_start,period_end,grain,scope,metric,value}; period_end exclusive, values unrounded,
 * null as an empty field.
 */
@Controller("/api/export")
@Secured(Role.ANALYST_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class MetricsCsvController {

    static final String CSV = "text/csv; charset=utf-8";

    private final MetricCalculator calculator;
    private final MetricQueryResolver queries;

    MetricsCsvController(MetricCalculator calculator, MetricQueryResolver queries) {
        this.calculator = calculator;
        this.queries = queries;
    }

    @Get(value = "/metrics.csv", produces = CSV)
    HttpResponse<String> metrics(@Nullable @QueryValue String metrics, @RequestBean MetricQuery query) {
        List<Metric> wanted = Metric.parseList(metrics);
        MetricQueryResolver.Resolved resolved = queries.resolve(query);
        MetricReport report = calculator.report(resolved.scope(), resolved.range(), wanted);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("period_start", "period_end", "grain", "scope", "metric", "value").get())) {
            for (MetricSeries series : report.series()) {
                for (MetricPoint point : series.points()) {
                    csv.printRecord(point.periodStart(), point.periodEnd(), report.grain(), report.scope(),
                            series.metric(), plain(point.value()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString())
                .header("Content-Disposition", "attachment; filename=\"rapport-metrics-" + report.grain() + ".csv\"");
    }

    /** Unrounded, never in scientific notation; integers without a decimal point. */
    static String plain(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
