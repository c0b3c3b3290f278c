package rapport.metrics;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.TestDatabase;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures aggregated in PostgreSQL from the facts kept at import time equal the in-memory engine's, for
 * every scope (each account, a pair, all), every period of both grains and the workspace time zone of the
 * subclass. Data: the real twcs slice and the demo brand, then changes the facts must follow: stored messages
 * moved to another day or turned into reactions by a re-import, and one person's messages erased.
 */
abstract class FactEngineEquality implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ScopeFactsCache facts;

    @Inject
    RollupRefresher refresher;

    @Inject
    PersonFamilies personFamilies;

    @Inject
    PersonRelationships relationships;

    @Inject
    RapportSettings settings;

    @Inject
    Database database;

    abstract String zone();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh());
        properties.put("rapport.time-zone", zone());
        properties.put("rapport.demo", "true");
        return properties;
    }

    @BeforeAll
    void importAndChange() throws IOException, SQLException {
        RapportApi api = new RapportApi(client);
        api.importFile("twcs", Files.readString(Path.of("src/test/resources/twcs/twcs-sample.csv")));
        api.importFile("messages", changedCopies());
        try (Connection c = database.connection(); Statement st = c.createStatement()) {
            st.execute("delete from message where person_id = (select min(person_id) from message where kind = 'share')");
        }
    }

    /** Ten stored person messages again: five moved nine days earlier, five turned into reactions. */
    private String changedCopies() throws SQLException {
        StringBuilder csv = new StringBuilder("network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n");
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select m.network, a.handle, m.message_id, m.author_id, m.kind, m.created_at, coalesce(m.in_reply_to, '')
                     from message m join account a on a.id = m.account_id
                     where not m.from_brand and m.kind <> 'reaction' order by m.id limit 10""")) {
            for (int i = 0; rs.next(); i++) {
                OffsetDateTime at = rs.getObject(6, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
                String kind = i < 5 ? rs.getString(5) : "reaction";
                csv.append(String.join(",", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(4), "false", kind, (i < 5 ? at.minusDays(9) : at).toString(), rs.getString(7), "changed"))
                        .append('\n');
            }
        }
        return csv.toString();
    }

    List<List<Integer>> scopes() throws SQLException {
        List<Integer> all = new ArrayList<>();
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from account order by id")) {
            while (rs.next()) {
                all.add(rs.getInt(1));
            }
        }
        assertTrue(all.size() >= 3, "twcs brands and the demo brand");
        List<List<Integer>> scopes = new ArrayList<>();
        all.forEach(id -> scopes.add(List.of(id)));
        scopes.add(all.subList(0, 2));
        scopes.add(all);
        return scopes;
    }

    @Test
    void interactorsAdvocatesAndNps_sqlOverPersonDaysEqualsTheInMemoryEngine() throws SQLException {
        eachScopeAndGrain((scope, scopeFacts, grain, periods) -> {
            Map<Metric, List<MetricPoint>> expected = MetricCalculator.compute(scopeFacts, periods);
            Map<Metric, List<MetricPoint>> actual = personFamilies.compute(scope, grain, periods);
            for (Metric metric : PersonFamilies.METRICS) {
                assertEquals(expected.get(metric), actual.get(metric), metric + ", scope " + scope + ", " + grain + ", " + zone());
            }
        });
    }

    @Test
    void tiersAndFlows_sqlOverPersonDaysEqualsTheInMemoryEngine() throws SQLException {
        eachScopeAndGrain((scope, scopeFacts, grain, periods) ->
                assertEquals(TierFlows.compute(scopeFacts, grain, periods, "s"), relationships.tiers(scope, grain, periods, "s")));
    }

    @Test
    void cohortRetention_sqlOverPersonDaysEqualsTheInMemoryEngine() throws SQLException {
        eachScopeAndGrain((scope, scopeFacts, grain, periods) -> {
            // all periods, and a range that ends amid the data: offsets past its end are null
            for (int last : List.of(periods.size() - 1, periods.size() / 2)) {
                PeriodRange range = new PeriodRange(grain, periods.get(0).start(), periods.get(last).start());
                assertEquals(CohortRetention.compute(scopeFacts, range, "s"), relationships.cohorts(scope, range, "s"));
            }
        });
    }

    @Test
    void npsByTier_sqlOverPersonDaysEqualsTheInMemoryEngine() throws SQLException {
        eachScopeAndGrain((scope, scopeFacts, grain, periods) -> {
            Period whole = Period.of(periods.get(0).start(), periods.get(periods.size() - 1).end(), settings.zone());
            assertEquals(NpsByTier.compute(scopeFacts, whole, "s"), relationships.npsByTier(scope, whole, "s"));
        });
    }

    private interface Check {
        void run(List<Integer> scope, ScopeFacts scopeFacts, Grain grain, List<Period> periods);
    }

    private void eachScopeAndGrain(Check check) throws SQLException {
        for (List<Integer> scope : scopes()) {
            ScopeFacts scopeFacts = facts.uncached(scope);
            for (Grain grain : Grain.values()) {
                check.run(scope, scopeFacts, grain, refresher.coverage(scope, grain));
            }
        }
    }
}
