package rapport.reliability;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import org.junit.jupiter.api.Test;
import rapport.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, finding 7 and "Also": what a restart cleans up, /health, and Prometheus for admins only. */
class OperationsTest {

    @Test
    void aStartMarksImportsLeftRunningInterruptedAndDeletesOrphanedUploads() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        try (RunningApp first = new RunningApp(database)) {
            assertEquals(200, first.importFile("messages", GeneratedMessages.csv(10), false).status());
        }
        // as a killed server leaves them: an import recorded as running, an upload of a process that is gone
        try (Connection c = DriverManager.getConnection(database.get("datasources.default.url"), "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("insert into import (format, file_name, state) values ('messages', 'cut-off.csv', 'running')");
        }
        Path orphan = Path.of(System.getProperty("java.io.tmpdir"), "rapport-uploads", "999999999", "import-1.upload");
        Files.createDirectories(orphan.getParent());
        Files.writeString(orphan, "network,account\n");

        try (RunningApp restarted = new RunningApp(database)) {
            Map<?, ?> cut = (Map<?, ?>) ((java.util.List<?>) restarted.get("/api/imports").json()).get(0);
            assertEquals("cut-off.csv", cut.get("fileName"));
            assertEquals("interrupted", cut.get("state"));
            assertTrue(String.valueOf(cut.get("error")).contains("nothing of it was committed"));
            assertFalse(Files.exists(orphan.getParent()), "the dead process's uploads are gone");
        }
    }

    @Test
    void healthTimesTheDatabaseAndPrometheusIsForAdminsOnly() throws Exception {
        try (RunningApp app = new RunningApp(TestDatabase.fresh())) {
            RunningApp.Answer health = app.health();
            assertEquals(200, health.status());
            Map<?, ?> database = (Map<?, ?>) ((Map<?, ?>) health.get("details")).get("database");
            assertEquals("UP", database.get("status"));
            assertTrue(((Map<?, ?>) database.get("details")).get("responseMs") instanceof Number, health.toString());

            app.importFile("messages", GeneratedMessages.csv(20) + "x,Acme,bad,p,p,false,mention,0000-01-01T00:00:00Z,,\n", false);
            app.get("/api/accounts");
            app.get("/api/metrics?grain=month&from=2025-01-01&to=2025-02-01");
            String metrics = app.text("/prometheus");
            assertTrue(metrics.contains("rapport_import_rows_total{format=\"messages\",outcome=\"inserted\"} 20.0"), metrics);
            assertTrue(metrics.contains("rapport_import_rows_total{format=\"messages\",outcome=\"rejected\"} 1.0"), metrics);
            assertTrue(metrics.contains("rapport_import_duration_seconds_count{format=\"messages\",state=\"done\"} 1"), metrics);
            assertTrue(metrics.contains("uri=\"/api/accounts\""), "request latency per route");
            assertTrue(metrics.contains("hikaricp_connections"), "the database pool");
            assertTrue(metrics.contains("cache_gets_total"), "cache hits and misses");

            assertEquals(401, app.anonymous(HttpRequest.GET("/prometheus")).status());
            app.call(HttpRequest.POST("/api/users", Map.of("username", "vera", "password", "vera-password-long", "role", "analyst")));
            Cookie analyst = app.http.toBlocking().exchange(HttpRequest.POST("/login", Map.of("username", "vera", "password", "vera-password-long")), Map.class)
                    .getCookie("rapport_session").orElseThrow();
            assertEquals(403, app.anonymous(HttpRequest.GET("/prometheus").cookie(analyst)).status());
        }
    }
}
