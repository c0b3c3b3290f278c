package rapport.metrics.rollup;

import io.micronaut.cache.SyncCache;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.metrics.Metric;
import rapport.metrics.MetricPoint;
import rapport.metrics.TwcsReferenceTest;
import rapport.metrics.memory.InMemoryEngine;
import rapport.metrics.memory.ReferenceFacts;
import rapport.metrics.memory.ScopeFacts;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.metrics.period.PeriodRange;
import rapport.system.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rollups are the same numbers, computed earlier: every value a rollup serves equals the value computed
 * from the messages, and a rollup is never served once an import or a setting has changed what it was
 * computed from; another account's rollups are kept. Data: the real twcs slice.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollupTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RollupRefresher refresher;

    @Inject
    RollupStore store;

    @Inject
    ReferenceFacts facts;

    @Inject
    Database database;

    @Inject
    @Named("metric-series")
    SyncCache<?> series;

    RapportApi api;
    List<Integer> accountIds;

    @BeforeAll
    void importSlice() throws IOException, SQLException {
        api = new RapportApi(client);
        api.importFile("twcs", Files.readString(Path.of("src/test/resources/twcs/twcs-sample.csv")));
        try (Connection c = database.connection()) {
            accountIds = store.accountIds(c);
        }
    }

    @Test
    @Order(1)
    void everyRolledUpValueOfEveryScopeEqualsTheValueComputedFromTheMessages() {
        List<String> recomputed = refresher.refreshNow();

        List<List<Integer>> scopes = new ArrayList<>();
        accountIds.forEach(id -> scopes.add(List.of(id)));
        scopes.add(accountIds);
        assertEquals(scopes.stream().map(RollupStore::scopeKey).toList(), recomputed, "each account, then all of them");
        for (List<Integer> scope : scopes) {
            ScopeFacts scopeFacts = facts.load(scope);
            for (Grain grain : Grain.values()) {
                List<Period> periods = refresher.coverage(scope, grain);
                PeriodRange range = new PeriodRange(grain, periods.get(0).start(), periods.get(periods.size() - 1).start());
                assertEquals(InMemoryEngine.compute(scopeFacts, periods), store.read(scope, range).orElseThrow(),
                        "scope " + scope + ", " + grain);
            }
        }
        assertEquals(List.of(), refresher.refreshNow(), "nothing changed, nothing recomputed");
    }

    @Test
    @Order(2)
    void theReferenceCellsHoldWhenTheExportIsServedFromRollups() throws IOException {
        refresher.refreshNow();
        series.invalidateAll();
        for (String brand : List.of("AmazonHelp", "ChipotleTweets")) {
            Map<String, String> expected = TwcsReferenceTest.cells(
                    Files.readString(Path.of("src/test/resources/reference/twcs-weekly-" + brand + ".csv")));
            List<String> weeks = expected.keySet().stream().map(k -> k.split("\\|")[0]).sorted().toList();
            Map<String, String> actual = TwcsReferenceTest.cells(api.get("/api/export/metrics.csv?grain=week&accounts=x/" + brand
                    + "&from=" + weeks.get(0) + "&to=" + weeks.get(weeks.size() - 1)));
            assertEquals(expected.keySet(), actual.keySet());
            expected.forEach((cell, value) ->
                    assertTrue(TwcsReferenceTest.sameNumber(value, actual.get(cell)), cell + ": expected " + value + ", got " + actual.get(cell)));
        }
    }

    @Test
    @Order(3)
    void anImportMakesOnlyItsAccountsRollupsStaleUntilTheyAreRecomputed() {
        refresher.refreshNow();
        int amazon = accountId("AmazonHelp");
        int chipotle = accountId("ChipotleTweets");
        PeriodRange week = new PeriodRange(Grain.WEEK, LocalDate.parse("2017-10-30"), LocalDate.parse("2017-10-30"));
        double before = store.read(List.of(amazon), week).orElseThrow().get(Metric.ACTIVE_INTERACTORS).get(0).value();
        Map<Metric, List<MetricPoint>> chipotleBefore = store.read(List.of(chipotle), week).orElseThrow();

        api.importFile("messages", "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n"
                + "x,AmazonHelp,late-1,newcomer,newcomer,false,mention,2017-10-31T09:00:00Z,,where is my parcel\n");

        assertTrue(store.read(List.of(amazon), week).isEmpty(), "stale after the import");
        assertTrue(store.read(accountIds, week).isEmpty(), "all accounts hold the import's account");
        assertEquals(chipotleBefore, store.read(List.of(chipotle), week).orElseThrow(), "another account's rollup still holds");
        assertEquals(before + 1, api.metrics("week", "2017-10-30", "x/AmazonHelp").get("active_interactors"),
                "meanwhile computed from the messages, the newcomer counted");
        assertEquals(List.of(RollupStore.scopeKey(List.of(amazon)), RollupStore.scopeKey(accountIds)), refresher.refreshNow(),
                "only the import's account and all accounts recomputed");
        assertEquals(before + 1, store.read(List.of(amazon), week).orElseThrow().get(Metric.ACTIVE_INTERACTORS).get(0).value());
    }

    @Test
    @Order(4)
    void changedAccountSettingsOrARangeOutsideTheRollupAreComputedFromTheMessages() throws SQLException {
        refresher.refreshNow();
        int amazon = accountId("AmazonHelp");
        int chipotle = accountId("ChipotleTweets");
        PeriodRange autumn = new PeriodRange(Grain.WEEK, LocalDate.parse("2017-10-02"), LocalDate.parse("2017-12-04"));
        assertTrue(store.read(List.of(amazon), autumn).isPresent());
        assertTrue(store.read(List.of(amazon), new PeriodRange(Grain.MONTH, LocalDate.parse("1990-01-01"),
                LocalDate.parse("2017-12-01"))).isEmpty(), "1990 is outside the rollup");

        execute("update account set promo_phrases = '{\"free shipping\"}' where id = " + amazon);

        assertTrue(store.read(List.of(amazon), autumn).isEmpty(), "promotional phrases changed");
        assertTrue(store.read(List.of(chipotle), autumn).isPresent(), "another account's rollup still holds");
        assertEquals(List.of(RollupStore.scopeKey(List.of(amazon)), RollupStore.scopeKey(accountIds)), refresher.refreshNow());
    }

    @Test
    @Order(5)
    void rollupsAreLabelledWithTheLastMigrationThatDerivedTheFacts() throws SQLException {
        try (Connection c = database.connection(); Statement st = c.createStatement();
             var rs = st.executeQuery("select max(installed_rank) from flyway_schema_history where success")) {
            rs.next();
            assertTrue(store.settingsKey().endsWith("|schema=" + rs.getInt(1)), store.settingsKey());
        }
    }

    private int accountId(String handle) {
        return accountIds.stream().filter(id -> handleOf(id).equals(handle)).findFirst().orElseThrow();
    }

    private String handleOf(int id) {
        try (Connection c = database.connection(); Statement st = c.createStatement();
             var rs = st.executeQuery("select handle from account where id = " + id)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
