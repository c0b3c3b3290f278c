package rapport.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import rapport.metrics.MetricQuery;
import rapport.security.Role;

import static rapport.export.MetricExportController.CSV;
import static rapport.export.MetricExportController.attachment;

/**
 * The relationship views as CSV, with the parameters of their JSON endpoints ({@code /api/tiers}, …) plus
 * {@code by}: one row per number the view holds, nothing recomputed here.
 */
@Controller("/api/export")
@Secured(Role.ANALYST_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "exports")
class RelationshipExportController {

    private static final String BY = "'scope' (default: the accounts together) or 'account' (one scope per account)";

    private final RelationshipTables tables;
    private final ExportScopes scopes;

    RelationshipExportController(RelationshipTables tables, ExportScopes scopes) {
        this.tables = tables;
        this.scopes = scopes;
    }

    @Get(value = "/tiers.csv", produces = CSV)
    @Operation(summary = "Tier counts per period as CSV", description = "People in each relationship tier (METRICS.md §5) at each period's end, as GET /api/tiers.")
    @ApiResponse(responseCode = "200", description = "the CSV file", content = @Content(mediaType = "text/csv", examples = @ExampleObject(
            value = "period_start,period_end,grain,scope,tier,people\n2026-01-05,2026-01-12,week,all,advocate,4\n")))
    HttpResponse<String> tiers(@RequestBean MetricQuery query, @Nullable @QueryValue @Parameter(description = BY, example = "account") String by) {
        return file("rapport-tiers.csv", tables.tiers(scopes.resolve(query, by)));
    }

    @Get(value = "/tier-flows.csv", produces = CSV)
    @Operation(summary = "Flows between tiers as CSV", description = "People moving from their tier at the previous period's end to their tier at this period's end, as the transitions of GET /api/tiers; 'new' had no tier before.")
    @ApiResponse(responseCode = "200", description = "the CSV file", content = @Content(mediaType = "text/csv", examples = @ExampleObject(
            value = "period_start,grain,scope,from_tier,to_tier,people\n2026-01-05,week,all,regular,advocate,2\n")))
    HttpResponse<String> tierFlows(@RequestBean MetricQuery query, @Nullable @QueryValue @Parameter(description = BY, example = "account") String by) {
        return file("rapport-tier-flows.csv", tables.tierFlows(scopes.resolve(query, by)));
    }

    @Get(value = "/cohorts.csv", produces = CSV)
    @Operation(summary = "Cohort retention as CSV", description = "Per cohort (period of the first active message) and offset k = 1…12: the share of the cohort active in period C + k (METRICS.md §6), as GET /api/cohorts; empty when the offset lies after `to`.")
    @ApiResponse(responseCode = "200", description = "the CSV file", content = @Content(mediaType = "text/csv", examples = @ExampleObject(
            value = "cohort_start,grain,scope,cohort_size,offset,retention\n2026-01-05,week,all,12,1,0.25\n")))
    HttpResponse<String> cohorts(@RequestBean MetricQuery query, @Nullable @QueryValue @Parameter(description = BY, example = "account") String by) {
        return file("rapport-cohorts.csv", tables.cohorts(scopes.resolve(query, by)));
    }

    @Get(value = "/response-times.csv", produces = CSV)
    @Operation(summary = "Response-time buckets as CSV", description = "Answered inbound turns starting in the range by how long they waited, and the unanswered ones, as GET /api/response-times.")
    @ApiResponse(responseCode = "200", description = "the CSV file", content = @Content(mediaType = "text/csv", examples = @ExampleObject(
            value = "from,to,grain,scope,bucket,turns\n2026-01-05,2026-03-23,week,all,< 15 min,40\n2026-01-05,2026-03-23,week,all,not answered,7\n")))
    HttpResponse<String> responseTimes(@RequestBean MetricQuery query, @Nullable @QueryValue @Parameter(description = BY, example = "account") String by) {
        return file("rapport-response-times.csv", tables.responseTimes(scopes.resolve(query, by)));
    }

    @Get(value = "/nps-by-tier.csv", produces = CSV)
    @Operation(summary = "NPS by tier as CSV", description = "NPS of the survey answers dated in the range, by the respondent's tier on the survey's day, and the answers counted (n), as GET /api/nps-by-tier.")
    @ApiResponse(responseCode = "200", description = "the CSV file", content = @Content(mediaType = "text/csv", examples = @ExampleObject(
            value = "from,to,grain,scope,tier,nps,n\n2026-01-05,2026-03-23,week,all,advocate,-12.5,8\n")))
    HttpResponse<String> npsByTier(@RequestBean MetricQuery query, @Nullable @QueryValue @Parameter(description = BY, example = "account") String by) {
        return file("rapport-nps-by-tier.csv", tables.npsByTier(scopes.resolve(query, by)));
    }

    private static HttpResponse<String> file(String name, String csv) {
        return HttpResponse.ok(csv).header("Content-Disposition", attachment(name));
    }
}
