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
import rapport.accounts.Scope;
import rapport.system.RapportSettings;

import java.util.List;

/** The dashboard's relationship views, computed on the server: tiers and flows, cohorts, response times, NPS by tier. */
@Controller("/api")
@Secured(Role.VIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class RelationshipController {

    private final ScopeFactsCache facts;
    private final AccountDirectory accounts;
    private final RapportSettings settings;

    RelationshipController(ScopeFactsCache facts, AccountDirectory accounts, RapportSettings settings) {
        this.facts = facts;
        this.accounts = accounts;
        this.settings = settings;
    }

    @Get("/tiers")
    TierFlows.Report tiers(@Nullable @QueryValue String grain, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, @Nullable @QueryValue("accounts") String accountKeys) {
        Scope scope = accounts.resolve(accountKeys);
        PeriodRange range = PeriodRange.parse(grain, from, to, settings.zone());
        return TierFlows.compute(facts.facts(scope.accountIds()), range.grain(), range.periods(settings.zone()), scope.label());
    }

    @Get("/cohorts")
    CohortRetention.Report cohorts(@Nullable @QueryValue String grain, @Nullable @QueryValue String from,
                                   @Nullable @QueryValue String to, @Nullable @QueryValue("accounts") String accountKeys) {
        Scope scope = accounts.resolve(accountKeys);
        PeriodRange range = PeriodRange.parse(grain, from, to, settings.zone());
        return CohortRetention.compute(facts.facts(scope.accountIds()), range, scope.label());
    }

    @Get("/response-times")
    ResponseTimeDistribution.Report responseTimes(@Nullable @QueryValue String grain, @Nullable @QueryValue String from,
                                                  @Nullable @QueryValue String to, @Nullable @QueryValue("accounts") String accountKeys) {
        Scope scope = accounts.resolve(accountKeys);
        return ResponseTimeDistribution.compute(facts.facts(scope.accountIds()), whole(grain, from, to), scope.label());
    }

    @Get("/nps-by-tier")
    NpsByTier.Report npsByTier(@Nullable @QueryValue String grain, @Nullable @QueryValue String from,
                               @Nullable @QueryValue String to, @Nullable @QueryValue("accounts") String accountKeys) {
        Scope scope = accounts.resolve(accountKeys);
        return NpsByTier.compute(facts.facts(scope.accountIds()), whole(grain, from, to), scope.label());
    }

    /** From the first period's start to the last period's end. */
    private Period whole(String grain, String from, String to) {
        PeriodRange range = PeriodRange.parse(grain, from, to, settings.zone());
        List<Period> periods = range.periods(settings.zone());
        if (periods.isEmpty()) {
            return Period.of(range.from(), range.from(), settings.zone());
        }
        return Period.of(periods.get(0).start(), periods.get(periods.size() - 1).end(), settings.zone());
    }
}
