package rapport.metrics.freshness;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.Fixture;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rapport.Fixture.at;

/**
 * Freshness is per account: a write to one account's data gives it a new data version in the writer's
 * transaction, and only figures of scopes holding that account are recomputed. Weeks: 2026-01-05 is a Monday.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataVersionTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataVersions versions;

    @Inject
    Database database;

    @Inject
    @jakarta.inject.Named("metric-series")
    io.micronaut.cache.SyncCache<?> series;

    RapportApi api;
    Fixture acme;
    Fixture bolt;

    @BeforeAll
    void importTwoAccounts() {
        api = new RapportApi(client);
        acme = new Fixture("x", "Acme");
        String ask = acme.person("p1").mentions(at("2026-01-05T10:00:00Z"), "@Acme hi");
        acme.brand().replies(ask, at("2026-01-05T10:30:00Z"), "hello p1");
        bolt = new Fixture("x", "Bolt");
        String other = bolt.person("q1").mentions(at("2026-01-06T10:00:00Z"), "@Bolt hi");
        bolt.brand().replies(other, at("2026-01-06T11:00:00Z"), "hello q1");
        api.importFile("messages", acme.csv());
        api.importFile("messages", bolt.csv());
    }

    @Test
    void scope_anImportIntoOneAccountLeavesAnotherAccountsNumbersAndCachesUntouched() throws SQLException {
        int acmeId = accountId("Acme");
        int boltId = accountId("Bolt");
        assertEquals(1.0, api.metrics("week", "2026-01-05", "x/Acme").get("active_interactors"));
        var boltNumbers = api.metrics("week", "2026-01-05", "x/Bolt");
        Map<Object, Object> boltFigures = cached(List.of(boltId));
        Map<Object, Object> acmeFigures = cached(List.of(acmeId));
        assertFalse(boltFigures.isEmpty() || acmeFigures.isEmpty(), "both accounts' figures are kept");
        String boltVersion = versions.of(List.of(boltId)).versions();
        String acmeVersion = versions.of(List.of(acmeId)).versions();

        api.importFile("messages", "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n"
                + "x,Acme,acme-late,p2,p2,false,mention,2026-01-07T09:00:00Z,,@Acme me too\n");

        assertNotEquals(acmeVersion, versions.of(List.of(acmeId)).versions(), "the import's account has a new version");
        assertEquals(boltVersion, versions.of(List.of(boltId)).versions(), "the other account's version holds");
        assertEquals(2.0, api.metrics("week", "2026-01-05", "x/Acme").get("active_interactors"), "fresh at once");
        assertTrue(Collections.disjoint(cached(List.of(acmeId)).keySet(), acmeFigures.keySet()),
                "the import's account's figures are released, never served again");
        assertSameEntries(boltFigures, cached(List.of(boltId)), "the other account's cached figures are kept, not recomputed");
        assertEquals(boltNumbers, api.metrics("week", "2026-01-05", "x/Bolt"));
        assertEquals(3.0, api.metrics("week", "2026-01-05", "x/Acme,x/Bolt").get("active_interactors"));
    }

    @Test
    void reimport_reimportingTheSameFileChangesNoDataVersion() throws SQLException {
        List<Integer> both = List.of(accountId("Acme"), accountId("Bolt"));
        var numbers = api.metrics("week", "2026-01-05", "x/Acme,x/Bolt");
        Map<Object, Object> before = cached(both);
        assertFalse(before.isEmpty());
        String version = versions.of(both).versions();

        api.importFile("messages", acme.csv());

        assertEquals(version, versions.of(both).versions());
        assertSameEntries(before, cached(both), "the cached figures are still current, not recomputed");
        assertEquals(numbers, api.metrics("week", "2026-01-05", "x/Acme,x/Bolt"));
    }

    @Test
    void promotional_changingOneAccountsPhrasesGivesOnlyThatAccountANewVersion() throws SQLException {
        int acmeId = accountId("Acme");
        int boltId = accountId("Bolt");
        String acmeVersion = versions.of(List.of(acmeId)).versions();
        String boltVersion = versions.of(List.of(boltId)).versions();

        execute("update account set promo_phrases = '{\"hello\"}' where id = " + acmeId);

        assertNotEquals(acmeVersion, versions.of(List.of(acmeId)).versions());
        assertEquals(boltVersion, versions.of(List.of(boltId)).versions());
    }

    @Test
    void scope_aChangeWrittenStraightInSqlReleasesOnlyThatAccountsCachedFigures() throws SQLException, InterruptedException {
        Fixture cove = new Fixture("x", "Cove");
        String ask = cove.person("r1").mentions(at("2026-01-07T10:00:00Z"), "@Cove hi");
        cove.brand().replies(ask, at("2026-01-07T10:20:00Z"), "hello r1");
        api.importFile("messages", cove.csv());
        int coveId = accountId("Cove");
        int boltId = accountId("Bolt");
        series.invalidateAll();
        api.metrics("week", "2026-01-05", "x/Cove");
        api.metrics("week", "2026-01-05", "x/Bolt");
        assertEquals(java.util.Set.of(List.of(coveId), List.of(boltId)), cachedScopes());

        // as another app instance (or an operator) would: the database notifies every instance on commit
        execute("update message set text = 'edited' where account_id = " + coveId + " and from_brand");

        for (int i = 0; i < 300 && cachedScopes().contains(List.of(coveId)); i++) {
            Thread.sleep(100);
        }
        assertEquals(java.util.Set.of(List.of(boltId)), cachedScopes(), "Cove's stale figures released, Bolt's kept");
    }

    private Set<List<Integer>> cachedScopes() {
        return cached().keySet().stream().map(k -> ((ScopeKeyed) k).scope().accountIds()).collect(Collectors.toSet());
    }

    /** A scope's entries in the cache: each key names the data versions its figures were computed from. */
    private Map<Object, Object> cached(List<Integer> accountIds) {
        Map<Object, Object> entries = new HashMap<>();
        cached().forEach((k, v) -> {
            if (((ScopeKeyed) k).scope().accountIds().equals(accountIds)) {
                entries.put(k, v);
            }
        });
        return entries;
    }

    private Map<Object, Object> cached() {
        var caffeine = (com.github.benmanes.caffeine.cache.Cache<?, ?>) series.getNativeCache();
        return Map.copyOf(caffeine.asMap());
    }

    /** Every entry kept is still there with the very same figures (the same object, not a recomputation). */
    private static void assertSameEntries(Map<Object, Object> expected, Map<Object, Object> actual, String message) {
        expected.forEach((key, value) -> assertSame(value, actual.get(key), message));
    }

    private int accountId(String handle) throws SQLException {
        try (Connection c = database.connection(); Statement st = c.createStatement();
             var rs = st.executeQuery("select id from account where handle = '" + handle + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
