package rapport.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import rapport.metrics.Metric;
import rapport.metrics.MetricCalculator;
import rapport.metrics.MetricQuery;
import rapport.metrics.MetricReport;
import rapport.security.Role;

import java.util.List;

/**
 * Metric series as files: {@code /api/export/metrics.csv} (long or wide, value and n) and
 * {@code /api/export/metrics.json}; the same parameters as {@code /api/metrics}, plus {@code by}.
 */
@Controller("/api/export")
@Secured(Role.ANALYST_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "exports")
class MetricExportController {

    static final String CSV = "text/csv; charset=utf-8";

    private final MetricCalculator calculator;
    private final ExportScopes scopes;

    MetricExportController(MetricCalculator calculator, ExportScopes scopes) {
        this.calculator = calculator;
        this.scopes = scopes;
    }

    @Get(value = "/metrics.csv", produces = CSV)
    @Operation(summary = "Metric series as CSV",
            description = "format=long (default): one row per period, scope and metric, `period_start,period_end,grain,scope,metric,value,n`. "
                    + "format=wide: one row per period and scope, a column per metric and a `<metric>_n` column beside it. "
                    + "period_end is exclusive; values are unrounded, an undefined value (zero denominator) is empty and its n is 0. "
                    + "Text cells that start with = + - @ are prefixed with ' (CSV injection); numbers are written as numbers.")
    @ApiResponse(responseCode = "200", description = "the CSV file", content = @Content(mediaType = "text/csv", examples = @ExampleObject(
            name = "long", value = "period_start,period_end,grain,scope,metric,value,n\n2026-01-05,2026-01-12,week,x/AcmeSupport,response_rate,0.6666666666666666,3\n")))
    HttpResponse<String> csv(@Nullable @QueryValue @Parameter(description = "metric keys, comma-separated; none means all", example = "response_rate,conversations") String metrics,
                             @RequestBean MetricQuery query,
                             @Nullable @QueryValue @Parameter(description = "'long' (default) or 'wide'", example = "wide") String format,
                             @Nullable @QueryValue @Parameter(description = "'scope' (default: the accounts together) or 'account' (one scope per account, one after the other)", example = "account") String by) {
        MetricTable table = MetricTable.of(format);
        List<Metric> wanted = Metric.parseList(metrics);
        ExportScopes.Scoped scoped = scopes.resolve(query, by);
        List<MetricReport> reports = reports(wanted, scoped);
        String csv = SpreadsheetCsv.of(table.header(wanted.stream().map(Metric::key).toList()), table.rows(reports));
        return HttpResponse.ok(csv).header("Content-Disposition", attachment("rapport-metrics-" + scoped.range().grain().key() + ".csv"));
    }

    @Get(value = "/metrics.json", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Metric series as JSON",
            description = "The same series as GET /api/metrics, one report per scope: one report for the accounts together, or one per account with by=account.")
    MetricExport json(@Nullable @QueryValue @Parameter(description = "metric keys, comma-separated; none means all", example = "response_rate") String metrics,
                      @RequestBean MetricQuery query,
                      @Nullable @QueryValue @Parameter(description = "'scope' (default) or 'account'", example = "account") String by) {
        return new MetricExport(reports(Metric.parseList(metrics), scopes.resolve(query, by)));
    }

    /** The answer of {@code /api/export/metrics.json}: one report per scope. */
    record MetricExport(List<MetricReport> reports) {
    }

    private List<MetricReport> reports(List<Metric> wanted, ExportScopes.Scoped scoped) {
        return scoped.scopes().stream().map(scope -> calculator.report(scope, scoped.range(), wanted)).toList();
    }

    static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }
}
