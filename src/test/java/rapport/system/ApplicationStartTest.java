package rapport.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rapport.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With no configuration at all, Rapport starts its own PostgreSQL, loads the demo brand, and keeps data across restarts. */
class ApplicationStartTest {

    @Test
    void startsWithNoConfigurationAndKeepsItsDataAcrossARestart(@TempDir Path home) throws Exception {
        Map<String, String> env = Map.of("RAPPORT_DATA_DIR", home.toString());
        List<?> firstImports;
        EmbeddedDatabase embedded = EmbeddedDatabase.startUnlessConfigured(env).orElseThrow();
        ProcessHandle firstPostgres = embedded.serverProcess().orElseThrow();
        try (embedded; EmbeddedServer server = start(embedded.datasourceProperties()); HttpClient http = HttpClient.create(server.getURL())) {
            assertEquals("UP", http.toBlocking().retrieve("/health", Map.class).get("status"));
            firstImports = list(http, "/api/imports");
            assertEquals(3, firstImports.size(), "demo messages, followers and surveys");
            assertEquals(3, list(http, "/api/accounts").size());
        }
        assertStopped(firstPostgres);
        assertTrue(Files.exists(home.resolve("pgdata").resolve("PG_VERSION")));
        // the same data directory again, database and application restarted: the data is there, the demo is not loaded twice
        EmbeddedDatabase again = EmbeddedDatabase.startUnlessConfigured(env).orElseThrow();
        ProcessHandle secondPostgres = again.serverProcess().orElseThrow();
        try (again; EmbeddedServer server = start(again.datasourceProperties()); HttpClient http = HttpClient.create(server.getURL())) {
            assertEquals(firstImports.size(), list(http, "/api/imports").size());
        }
        assertStopped(secondPostgres);
    }

    /** Every test stops what it started: no PostgreSQL is left running after the build. */
    private static void assertStopped(ProcessHandle postgres) throws Exception {
        postgres.onExit().get(60, TimeUnit.SECONDS);
        assertFalse(postgres.isAlive());
    }

    private static List<?> list(HttpClient http, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(TestDatabase.ADMIN_TOKEN), Argument.listOf(Map.class));
    }

    private static EmbeddedServer start(Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", -1);
        properties.put("rapport.bootstrap-token", TestDatabase.ADMIN_TOKEN);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }
}
