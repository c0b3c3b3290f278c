package rapport.export;

import jakarta.inject.Singleton;
import rapport.accounts.Scope;
import rapport.metrics.conversation.ResponseTimeDistribution;
import rapport.metrics.relationships.CohortRetention;
import rapport.metrics.relationships.NpsByTier;
import rapport.metrics.relationships.RelationshipViews;
import rapport.metrics.relationships.TierFlows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The relationship views of {@link RelationshipViews}, laid out as CSV tables, one scope after the other. */
@Singleton
class RelationshipTables {

    private final RelationshipViews views;

    RelationshipTables(RelationshipViews views) {
        this.views = views;
    }

    String tiers(ExportScopes.Scoped scoped) {
        List<List<?>> rows = new ArrayList<>();
        for (Scope scope : scoped.scopes()) {
            TierFlows.Report report = views.tiers(scope, scoped.range());
            for (TierFlows.PeriodTiers period : report.periods()) {
                period.counts().forEach((tier, people) ->
                        rows.add(List.of(period.periodStart(), period.periodEnd(), report.grain(), scope.label(), tier, people)));
            }
        }
        return SpreadsheetCsv.of(List.of("period_start", "period_end", "grain", "scope", "tier", "people"), rows);
    }

    String tierFlows(ExportScopes.Scoped scoped) {
        List<List<?>> rows = new ArrayList<>();
        for (Scope scope : scoped.scopes()) {
            TierFlows.Report report = views.tiers(scope, scoped.range());
            for (TierFlows.Transition t : report.transitions()) {
                rows.add(List.of(t.periodStart(), report.grain(), scope.label(), t.from(), t.to(), t.count()));
            }
        }
        return SpreadsheetCsv.of(List.of("period_start", "grain", "scope", "from_tier", "to_tier", "people"), rows);
    }

    String cohorts(ExportScopes.Scoped scoped) {
        List<List<?>> rows = new ArrayList<>();
        for (Scope scope : scoped.scopes()) {
            CohortRetention.Report report = views.cohorts(scope, scoped.range());
            for (CohortRetention.Cohort cohort : report.cohorts()) {
                for (int k = 0; k < cohort.retention().size(); k++) {
                    rows.add(Arrays.asList(cohort.cohortStart(), report.grain(), scope.label(), cohort.size(), k + 1,
                            cohort.retention().get(k)));
                }
            }
        }
        return SpreadsheetCsv.of(List.of("cohort_start", "grain", "scope", "cohort_size", "offset", "retention"), rows);
    }

    String responseTimes(ExportScopes.Scoped scoped) {
        List<List<?>> rows = new ArrayList<>();
        for (Scope scope : scoped.scopes()) {
            ResponseTimeDistribution.Report report = views.responseTimes(scope, scoped.range());
            for (ResponseTimeDistribution.Bucket bucket : report.buckets()) {
                rows.add(List.of(scoped.range().from(), scoped.range().to(), scoped.range().grain().key(), scope.label(), bucket.label(), bucket.count()));
            }
            rows.add(List.of(scoped.range().from(), scoped.range().to(), scoped.range().grain().key(), scope.label(), "not answered", report.unanswered()));
        }
        return SpreadsheetCsv.of(List.of("from", "to", "grain", "scope", "bucket", "turns"), rows);
    }

    String npsByTier(ExportScopes.Scoped scoped) {
        List<List<?>> rows = new ArrayList<>();
        for (Scope scope : scoped.scopes()) {
            NpsByTier.Report report = views.npsByTier(scope, scoped.range());
            for (NpsByTier.TierNps tier : report.tiers()) {
                rows.add(Arrays.asList(scoped.range().from(), scoped.range().to(), scoped.range().grain().key(), scope.label(),
                        tier.tier(), tier.nps(), tier.n()));
            }
        }
        return SpreadsheetCsv.of(List.of("from", "to", "grain", "scope", "tier", "nps", "n"), rows);
    }
}
