package rapport.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import rapport.TestDatabase;
import rapport.system.EmbeddedDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, findings 3 and 4, against the real embedded PostgreSQL: the database stopped or killed under the
 * running application, mid-request and mid-import. Requests fail fast with 503, the embedded server is
 * restarted by its supervisor, the application recovers by itself, and an import cut off by the kill leaves
 * nothing behind: importing the file again gives exactly what a clean import gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseFaultTest {

    private static final String FILE = GeneratedMessages.csv(4_000);

    Path home;
    EmbeddedDatabase db;
    RunningApp app;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        this.home = home;
        db = EmbeddedDatabase.start(home.resolve("pgdata"));
        app = new RunningApp(db.datasourceProperties());
    }

    @AfterAll
    void stop() {
        app.close();
        db.close();
    }

    @Test
    void aStoppedDatabaseIsA503AtOnceAndTheApplicationRecoversWhenItIsBack() throws Exception {
        RunningApp.Answer first = app.importFile("messages", FILE, false);
        assertEquals(200, first.status());
        int port = db.port();
        db.close();

        long began = System.nanoTime();
        RunningApp.Answer accounts = app.get("/api/accounts");
        long tookMs = (System.nanoTime() - began) / 1_000_000;
        assertEquals(503, accounts.status(), accounts.toString());
        assertEquals(Map.of("error", "database unavailable"), accounts.body());
        assertTrue(tookMs < 15_000, "fails fast (the pool waits 3 s), not after 30 s: " + tookMs + " ms");
        RunningApp.Answer health = app.health();
        assertEquals(503, health.status());
        assertEquals("DOWN", health.get("status"));
        assertEquals(503, app.importFile("messages", FILE, false).status());

        db = EmbeddedDatabase.start(home.resolve("pgdata"), port);
        RunningApp.await(Duration.ofSeconds(60), "healthy again", () -> app.health().status() == 200);
        RunningApp.Answer back = app.get("/api/imports/" + first.get("id"));
        assertEquals(200, back.status());
        assertEquals(first.get("inserted"), back.get("inserted"));
    }

    @Test
    void aKilledDatabaseIsRestartedByItsSupervisorAndAnImportCutOffByItCanBeRunAgain() throws Exception {
        assertEquals(200, app.importFile("messages", FILE, false).status());
        long pid = db.serverProcess().orElseThrow().pid();
        // hold the accounts table so the import stops after staging every row, in its "writing" phase
        Map<String, Object> props = db.datasourceProperties();
        long importId = -1;
        try (Connection blocker = DriverManager.getConnection((String) props.get("datasources.default.url"),
                (String) props.get("datasources.default.username"), (String) props.get("datasources.default.password"));
             Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("lock table account in access exclusive mode");
            RunningApp.Answer started = app.importFile("messages", FILE.replace("x,Acme", "y,Other"), true);
            assertEquals(202, started.status());
            importId = ((Number) started.get("id")).longValue();
            String uri = "/api/imports/" + importId;
            RunningApp.await(Duration.ofSeconds(60), "writing", () -> "writing".equals(app.get(uri).get("phase")));

            db.serverProcess().orElseThrow().destroyForcibly();
        } catch (java.sql.SQLException expected) {
            // the blocker's own connection died with the server
        }

        RunningApp.await(Duration.ofSeconds(120), "restarted", () -> db.serverProcess().map(p -> p.pid() != pid).orElse(false));
        RunningApp.await(Duration.ofSeconds(60), "healthy again", () -> app.health().status() == 200);
        String cutUri = "/api/imports/" + importId;
        RunningApp.await(Duration.ofSeconds(60), "the import ended", () -> !"running".equals(app.get(cutUri).get("state")));
        RunningApp.Answer cut = app.get(cutUri);
        // Killing the postmaster does not stop a backend already running: when the blocker's backend dies first,
        // the import's may still commit before it notices. All or nothing either way, never half.
        boolean committed = "done".equals(cut.get("state"));
        assertEquals(committed, app.text("/api/accounts").contains("Other"), "all of the cut-off import or nothing: " + cut);
        assertTrue(app.text("/api/accounts").contains("Acme"));

        RunningApp.Answer again = app.importFile("messages", FILE.replace("x,Acme", "y,Other"), false);
        assertEquals(200, again.status(), again.toString());
        assertEquals(committed ? 0 : 4_000, ((Number) again.get("inserted")).longValue(), again.toString());
        assertEquals(committed ? 4_000 : 0, ((Number) again.get("unchanged")).longValue(), again.toString());

        // the same two files imported once each into a clean database give the same metrics
        try (RunningApp clean = new RunningApp(TestDatabase.fresh())) {
            clean.importFile("messages", FILE, false);
            clean.importFile("messages", FILE.replace("x,Acme", "y,Other"), false);
            for (String accounts : List.of("x/Acme", "y/Other", "all")) {
                String uri = "/api/metrics?grain=month&from=2025-01-01&to=2025-12-01&accounts=" + accounts;
                assertEquals(clean.text(uri), app.text(uri), uri);
            }
        }
    }
}
