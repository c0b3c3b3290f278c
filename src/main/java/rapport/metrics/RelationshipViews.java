package rapport.metrics;

import jakarta.inject.Singleton;
import rapport.accounts.Scope;
import rapport.system.RapportSettings;

import java.util.List;

/**
 * The relationship views (METRICS.md §5–6) for a scope and range: tier counts and flows, cohort retention,
 * response-time buckets and NPS by tier. The one entry point other features use; how they are computed stays
 * inside {@code metrics}.
 */
@Singleton
public class RelationshipViews {

    private final ScopeFactsCache facts;
    private final RapportSettings settings;

    RelationshipViews(ScopeFactsCache facts, RapportSettings settings) {
        this.facts = facts;
        this.settings = settings;
    }

    public TierFlows.Report tiers(Scope scope, PeriodRange range) {
        return TierFlows.compute(facts.facts(scope.accountIds()), range.grain(), range.periods(settings.zone()), scope.label());
    }

    public CohortRetention.Report cohorts(Scope scope, PeriodRange range) {
        return CohortRetention.compute(facts.facts(scope.accountIds()), range, scope.label());
    }

    public ResponseTimeDistribution.Report responseTimes(Scope scope, PeriodRange range) {
        return ResponseTimeDistribution.compute(facts.facts(scope.accountIds()), whole(range), scope.label());
    }

    public NpsByTier.Report npsByTier(Scope scope, PeriodRange range) {
        return NpsByTier.compute(facts.facts(scope.accountIds()), whole(range), scope.label());
    }

    /**
     * The message ids of the scope's brand replies that belong to a template group (METRICS.md §4, canned
     * replies), for showing them marked; groups are per account, so a scope of the replies' own accounts suffices.
     */
    public java.util.Set<String> cannedReplies(Scope scope) {
        ScopeFacts f = facts.facts(scope.accountIds());
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < f.canned.length; i++) {
            if (f.canned[i]) {
                ids.add(f.data.messageId[i]);
            }
        }
        return ids;
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
