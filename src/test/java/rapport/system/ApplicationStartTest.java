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
        Path pgData = home.resolve("pgdata");
        List<?> firstImports;
        Map<String, Object> database = EmbeddedDatabase.startUnlessConfigured(env);
        try {
            try (EmbeddedServer server = start(database); HttpClient http = HttpClient.create(server.getURL())) {
                assertEquals("UP", http.toBlocking().retrieve("/health", Map.class).get("status"));
                firstImports = list(http, "/api/imports");
                assertEquals(3, firstImports.size(), "demo messages, followers and surveys");
                assertEquals(3, list(http, "/api/accounts").size());
            }
            assertTrue(Files.exists(pgData.resolve("PG_VERSION")));
            // the same data directory again: the data is there, the demo is not loaded twice
            try (EmbeddedServer server = start(database); HttpClient http = HttpClient.create(server.getURL())) {
                assertEquals(firstImports.size(), list(http, "/api/imports").size());
            }
        } finally {
            stopPostgres(pgData);
        }
    }

    /**
     * Stops the PostgreSQL this test started, before its data directory (a @TempDir) is deleted: the JVM's
     * shutdown hook would find no directory to stop it from, and leave it running after the build.
     */
    private static void stopPostgres(Path pgData) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroy(); // SIGTERM: a smart shutdown, the application's connections are closed already
        postmaster.onExit().get(60, TimeUnit.SECONDS);
        assertFalse(postmaster.isAlive());
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
