package rapport.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
    @Operation(summary = "Monthly summary of the last finished month",
            description = "The summary of the last finished calendar month in the workspace time zone: headline figures beside the month "
                    + "before and the same month a year earlier, highlights, trends, tiers, NPS by tier, the accounts, advocates, the SLA "
                    + "and the metrics' definitions. No accounts means all accounts.")
    MonthlySummary lastFinished(@Nullable @QueryValue String accounts) {
        return builder.build(accounts, SummaryMonth.parse(null, settings.zone()));
    }

    @Get("/{month:[0-9]+-[0-9]+}")
    @Operation(summary = "Monthly summary of a month",
            description = "The same summary for the given calendar month (YYYY-MM) in the workspace time zone; "
                    + "400 when the month is not a month. No accounts means all accounts.")
    MonthlySummary month(@Parameter(description = "the calendar month, YYYY-MM", example = "2026-02") String month, @Nullable @QueryValue String accounts) {
        return builder.build(accounts, SummaryMonth.parse(month, settings.zone()));
    }
}
