package rapport.metrics.relationships;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import rapport.metrics.MetricQuery;
import rapport.metrics.MetricQueryResolver;
import rapport.metrics.conversation.ResponseTimeDistribution;
import rapport.security.Role;
import rapport.system.EncodedAnswers;

/**
 * The dashboard's relationship views, computed on the server: tiers and flows, cohorts, response times, NPS by tier.
 * A warm request gets the view it got before, already encoded (EncodedAnswers).
 */
@Controller("/api")
@Secured(Role.VIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class RelationshipController {

    private final RelationshipViews views;
    private final MetricQueryResolver queries;
    private final EncodedAnswers json;

    RelationshipController(RelationshipViews views, MetricQueryResolver queries, EncodedAnswers json) {
        this.views = views;
        this.queries = queries;
        this.json = json;
    }

    @Get("/tiers")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TierFlows.Report.class)))
    HttpResponse<byte[]> tiers(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return json.ok(views.tiers(q.scope(), q.range()));
    }

    @Get("/cohorts")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CohortRetention.Report.class)))
    HttpResponse<byte[]> cohorts(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return json.ok(views.cohorts(q.scope(), q.range()));
    }

    @Get("/response-times")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResponseTimeDistribution.Report.class)))
    HttpResponse<byte[]> responseTimes(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return json.ok(views.responseTimes(q.scope(), q.range()));
    }

    @Get("/nps-by-tier")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = NpsByTier.Report.class)))
    HttpResponse<byte[]> npsByTier(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return json.ok(views.npsByTier(q.scope(), q.range()));
    }
}
