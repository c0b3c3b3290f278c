package rapport.metrics.relationships;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import rapport.metrics.MetricQuery;
import rapport.metrics.MetricQueryResolver;
import rapport.metrics.conversation.ResponseTimeDistribution;
import rapport.security.Role;

/** The dashboard's relationship views, computed on the server: tiers and flows, cohorts, response times, NPS by tier. */
@Controller("/api")
@Secured(Role.VIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class RelationshipController {

    private final RelationshipViews views;
    private final MetricQueryResolver queries;

    RelationshipController(RelationshipViews views, MetricQueryResolver queries) {
        this.views = views;
        this.queries = queries;
    }

    @Get("/tiers")
    TierFlows.Report tiers(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return views.tiers(q.scope(), q.range());
    }

    @Get("/cohorts")
    CohortRetention.Report cohorts(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return views.cohorts(q.scope(), q.range());
    }

    @Get("/response-times")
    ResponseTimeDistribution.Report responseTimes(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return views.responseTimes(q.scope(), q.range());
    }

    @Get("/nps-by-tier")
    NpsByTier.Report npsByTier(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return views.npsByTier(q.scope(), q.range());
    }
}
