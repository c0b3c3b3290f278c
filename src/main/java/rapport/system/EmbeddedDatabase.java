package rapport.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The zero-install default: when no external PostgreSQL is configured, Rapport runs its own,
 * with a persistent data directory so that imported data survives a restart.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    /** Datasource properties for the embedded server, or none when DATASOURCES_DEFAULT_URL is set. */
    public static Map<String, Object> startUnlessConfigured(Map<String, String> env) throws IOException {
        if (env.containsKey("DATASOURCES_DEFAULT_URL")) {
            return Map.of();
        }
        Path dataDir = Path.of(env.getOrDefault("RAPPORT_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".rapport").toString()));
        return start(dataDir.resolve("pgdata"));
    }

    public static Map<String, Object> start(Path pgData) throws IOException {
        Files.createDirectories(pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // bulk imports: staging tables stay in memory, index builds sort in memory, fewer checkpoints
                .setServerConfig("temp_buffers", "256MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }));
        LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
        return Map.of(
                "datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres");
    }
}
