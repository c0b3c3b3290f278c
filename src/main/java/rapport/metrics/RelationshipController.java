package rapport.metrics;

import io.micronaut.security.annotation.Secured;
import rapport.security.Role;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import rapport.system.RapportSettings;

import java.util.List;

/** The dashboard's relationship views, computed on the server: tiers and flows, cohorts, response times, NPS by tier. */
@Controller("/api")
@Secured(Role.VIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class RelationshipController {

    private final ScopeFactsCache facts;
    private final MetricQueryResolver queries;
    private final RapportSettings settings;

    RelationshipController(ScopeFactsCache facts, MetricQueryResolver queries, RapportSettings settings) {
        this.facts = facts;
        this.queries = queries;
        this.settings = settings;
    }

    @Get("/tiers")
    TierFlows.Report tiers(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return TierFlows.compute(facts.facts(q.scope().accountIds()), q.range().grain(), q.range().periods(settings.zone()), q.scope().label());
    }

    @Get("/cohorts")
    CohortRetention.Report cohorts(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return CohortRetention.compute(facts.facts(q.scope().accountIds()), q.range(), q.scope().label());
    }

    @Get("/response-times")
    ResponseTimeDistribution.Report responseTimes(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return ResponseTimeDistribution.compute(facts.facts(q.scope().accountIds()), whole(q.range()), q.scope().label());
    }

    @Get("/nps-by-tier")
    NpsByTier.Report npsByTier(@RequestBean MetricQuery query) {
        MetricQueryResolver.Resolved q = queries.resolve(query);
        return NpsByTier.compute(facts.facts(q.scope().accountIds()), whole(q.range()), q.scope().label());
    }

    /** From the first period's start to the last period's end. */
    private Period whole(PeriodRange range) {
        List<Period> periods = range.periods(settings.zone());
        if (periods.isEmpty()) {
            return Period.of(range.from(), range.from(), settings.zone());
        }
        return Period.of(periods.get(0).start(), periods.get(periods.size() - 1).end(), settings.zone());
    }
}
