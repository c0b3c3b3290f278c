package rapport.export;

import io.micronaut.security.annotation.Secured;
import rapport.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import rapport.accounts.AccountDirectory;
import rapport.metrics.Metric;
import rapport.metrics.MetricCalculator;
import rapport.metrics.MetricPoint;
import rapport.metrics.MetricReport;
import rapport.metrics.MetricSeries;
import rapport.metrics.PeriodRange;
import rapport.system.RapportSettings;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

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
    private final AccountDirectory accounts;
    private final RapportSettings settings;

    MetricsCsvController(MetricCalculator calculator, AccountDirectory accounts, RapportSettings settings) {
        this.calculator = calculator;
        this.accounts = accounts;
        this.settings = settings;
    }

    @Get(value = "/metrics.csv", produces = CSV)
    HttpResponse<String> metrics(@Nullable @QueryValue String metrics, @Nullable @QueryValue String grain,
                                 @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                 @Nullable @QueryValue("accounts") String accountKeys) {
        MetricReport report = calculator.report(accounts.resolve(accountKeys),
                PeriodRange.parse(grain, from, to, settings.zone()), Metric.parseList(metrics));
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
