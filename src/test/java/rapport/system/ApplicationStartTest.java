package rapport.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With no configuration at all, Rapport starts its own PostgreSQL, loads the demo brand, and keeps data across restarts. */
class ApplicationStartTest {

    @Test
    void startsWithNoConfigurationAndKeepsItsDataAcrossARestart(@TempDir Path home) throws Exception {
        Map<String, String> env = Map.of("RAPPORT_DATA_DIR", home.toString());
        List<?> firstImports;
        EmbeddedDatabase embedded = EmbeddedDatabase.startUnlessConfigured(env).orElseThrow();
        Map<String, Object> database = embedded.datasourceProperties();
        try (embedded; EmbeddedServer server = start(database); HttpClient http = HttpClient.create(server.getURL())) {
            assertEquals("UP", http.toBlocking().retrieve("/health", Map.class).get("status"));
            firstImports = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/imports").bearerAuth(rapport.TestDatabase.ADMIN_TOKEN), Argument.listOf(Map.class));
            assertEquals(3, firstImports.size(), "demo messages, followers and surveys");
            List<?> accounts = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/accounts").bearerAuth(rapport.TestDatabase.ADMIN_TOKEN), Argument.listOf(Map.class));
            assertEquals(3, accounts.size());
        }
        assertTrue(Files.exists(home.resolve("pgdata").resolve("PG_VERSION")));
        // the same data directory again, database and application restarted: the data is there, the demo is not loaded twice
        try (EmbeddedDatabase again = EmbeddedDatabase.startUnlessConfigured(env).orElseThrow();
             EmbeddedServer server = start(again.datasourceProperties()); HttpClient http = HttpClient.create(server.getURL())) {
            List<?> imports = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/imports").bearerAuth(rapport.TestDatabase.ADMIN_TOKEN), Argument.listOf(Map.class));
            assertEquals(firstImports.size(), imports.size());
        }
    }

    private static EmbeddedServer start(Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", -1);
        properties.put("rapport.bootstrap-token", rapport.TestDatabase.ADMIN_TOKEN);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }
}
