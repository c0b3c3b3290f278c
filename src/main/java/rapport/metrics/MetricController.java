package rapport.metrics;

import io.micronaut.security.annotation.Secured;
import rapport.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import rapport.accounts.AccountDirectory;
import rapport.system.RapportSettings;

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
    private final AccountDirectory accounts;
    private final RapportSettings settings;

    MetricController(MetricCalculator calculator, AccountDirectory accounts, RapportSettings settings) {
        this.calculator = calculator;
        this.accounts = accounts;
        this.settings = settings;
    }

    @Get
    MetricReport metrics(@Nullable @QueryValue String metrics, @Nullable @QueryValue String grain,
                         @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                         @Nullable @QueryValue("accounts") String accountKeys) {
        List<Metric> wanted = Metric.parseList(metrics);
        PeriodRange range = PeriodRange.parse(grain, from, to, settings.zone());
        return calculator.report(accounts.resolve(accountKeys), range, wanted);
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
