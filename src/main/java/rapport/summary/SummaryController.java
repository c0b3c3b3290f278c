package rapport.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import rapport.security.Role;
import rapport.system.RapportSettings;

/**
 * {@code GET /api/summary[/{YYYY-MM}]?accounts=network/handle,…}: the monthly summary (default: the last
 * finished month in the workspace time zone; no accounts means all).
 */
@Controller("/api/summary")
@Secured(Role.VIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class SummaryController {

    private final SummaryBuilder builder;
    private final RapportSettings settings;

    SummaryController(SummaryBuilder builder, RapportSettings settings) {
        this.builder = builder;
        this.settings = settings;
    }

    @Get
    MonthlySummary lastFinished(@Nullable @QueryValue String accounts) {
        return builder.build(accounts, SummaryMonth.parse(null, settings.zone()));
    }

    @Get("/{month:[0-9]+-[0-9]+}")
    MonthlySummary month(String month, @Nullable @QueryValue String accounts) {
        return builder.build(accounts, SummaryMonth.parse(month, settings.zone()));
    }
}
