package rapport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL for the whole test run; every test class gets a database of its own. */
public final class TestDatabase {

    /** An admin API token every test application accepts (RAPPORT_BOOTSTRAP_TOKEN). */
    public static final String ADMIN_TOKEN = "rpt_test-admin-token-0123456789abcdef";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** Creates an empty database and returns the properties that point the application at it. */
    public static Map<String, String> fresh() {
        String name = "rapport_test_" + NEXT.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "datasources.default.url", server().getJdbcUrl("postgres", name),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "rapport.demo", "false",
                "rapport.rollups.background", "false",
                "rapport.bootstrap-token", ADMIN_TOKEN,
                "rapport.admin-password", ADMIN_PASSWORD);
    }
}
