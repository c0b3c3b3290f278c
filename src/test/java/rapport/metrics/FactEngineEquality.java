package rapport.metrics;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rapport.RapportApi;
import rapport.metrics.memory.InMemoryViews;
import rapport.metrics.memory.ScopeFacts;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.metrics.period.PeriodRange;
import rapport.metrics.relationships.PersonFamilies;
import rapport.metrics.relationships.PersonRelationships;
import rapport.system.RapportSettings;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures aggregated in PostgreSQL from the facts kept at import time equal the in-memory engine's, for
 * every scope (each account, a pair, all), every period of both grains and the workspace time zone of the
 * subclass. Data: the real twcs slice and the demo brand, then changes the facts must follow: stored messages
 * moved to another day or turned into reactions by a re-import, and one person's messages erased.
 */
abstract class FactEngineEquality extends EngineComparison {

    @Inject
    PersonFamilies personFamilies;

    @Inject
    PersonRelationships relationships;

    @Inject
    RapportSettings settings;

    @BeforeAll
    void importAndChange() throws IOException, SQLException {
        EngineComparisonData.importAndChange(new RapportApi(client), database);
    }

    List<List<Integer>> scopes() throws SQLException {
        List<Integer> all = EngineComparisonData.ids(database, "select id from account order by id");
        assertTrue(all.size() >= 3, "twcs brands and the demo brand");
        return EngineComparisonData.scopes(all, List.of());
    }

    @Test
    void interactorsAdvocatesAndNps_sqlOverPersonDaysEqualsTheInMemoryEngine() throws SQLException {
        EngineComparisonData.assertFamilyEqualsTheInMemoryEngine(personFamilies, scopes(), facts, refresher, zone());
    }

    @Test
    void tiersAndFlows_sqlOverPersonDaysEqualsTheInMemoryEngine() throws SQLException {
        eachScopeAndGrain((scope, scopeFacts, grain, periods) ->
                assertEquals(InMemoryViews.tiers(scopeFacts, grain, periods, "s"), relationships.tiers(scope, grain, periods, "s")));
    }

    @Test
    void cohortRetention_sqlOverPersonDaysEqualsTheInMemoryEngine() throws SQLException {
        eachScopeAndGrain((scope, scopeFacts, grain, periods) -> {
            // all periods, and a range that ends amid the data: offsets past its end are null
            for (int last : List.of(periods.size() - 1, periods.size() / 2)) {
                PeriodRange range = new PeriodRange(grain, periods.get(0).start(), periods.get(last).start());
                assertEquals(InMemoryViews.cohorts(scopeFacts, range, "s"),
                        relationships.cohorts(scope, range, periods.subList(0, last + 1), "s"));
            }
        });
    }

    @Test
    void npsByTier_sqlOverPersonDaysEqualsTheInMemoryEngine() throws SQLException {
        eachScopeAndGrain((scope, scopeFacts, grain, periods) -> {
            Period whole = Period.of(periods.get(0).start(), periods.get(periods.size() - 1).end(), settings.zone());
            assertEquals(InMemoryViews.npsByTier(scopeFacts, whole, "s"), relationships.npsByTier(scope, whole, "s"));
        });
    }

    private interface Check {
        void run(List<Integer> scope, ScopeFacts scopeFacts, Grain grain, List<Period> periods);
    }

    private void eachScopeAndGrain(Check check) throws SQLException {
        for (List<Integer> scope : scopes()) {
            ScopeFacts scopeFacts = facts.load(scope);
            for (Grain grain : Grain.values()) {
                check.run(scope, scopeFacts, grain, refresher.coverage(scope, grain));
            }
        }
    }
}
