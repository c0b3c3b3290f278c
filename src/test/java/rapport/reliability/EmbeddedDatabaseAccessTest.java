package rapport.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rapport.system.EmbeddedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, finding 1 and 2: nobody enters the embedded database without its password; it is durable. */
class EmbeddedDatabaseAccessTest {

    @Test
    void onlyThePasswordOpensItAndTheApplicationIsNoSuperuser(@TempDir Path home) throws Exception {
        Path pgData = home.resolve("pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgData)) {
            Path credentials = pgData.resolve("rapport-credentials.properties");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
            String hba = Files.readString(pgData.resolve("pg_hba.conf"));
            assertFalse(hba.lines().filter(l -> !l.startsWith("#")).anyMatch(l -> l.contains("trust")), hba);

            String url = "jdbc:postgresql://localhost:" + db.port() + "/postgres";
            SQLException noPassword = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", null).close());
            assertTrue(noPassword.getMessage().contains("password"), noPassword.getMessage());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", "postgres").close());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url.replace("/postgres", "/rapport"), "rapport", "wrong").close());

            Map<String, Object> app = db.datasourceProperties();
            try (Connection c = DriverManager.getConnection((String) app.get("datasources.default.url"),
                    (String) app.get("datasources.default.username"), (String) app.get("datasources.default.password"));
                 Statement st = c.createStatement()) {
                assertEquals("off", value(st, "select case when rolsuper then 'on' else 'off' end from pg_roles where rolname = current_user"));
                assertEquals("rapport", value(st, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"));
                SQLException program = assertThrows(SQLException.class, () -> st.execute("copy (select 1) to program 'id'"));
                assertTrue(program.getMessage().contains("pg_execute_server_program") || program.getMessage().contains("superuser"), program.getMessage());
                assertThrows(SQLException.class, () -> st.executeQuery("select passwd from pg_shadow").close());
                assertEquals("on", value(st, "show fsync"));
                assertEquals("on", value(st, "show synchronous_commit"));
                assertEquals("on", value(st, "show full_page_writes"));
                assertEquals("localhost", value(st, "show listen_addresses"));
                // no Unix socket anywhere the default build of PostgreSQL would put one
                assertFalse(Files.exists(Path.of("/tmp/.s.PGSQL." + db.port())));
                assertFalse(Files.exists(Path.of("/var/run/postgresql/.s.PGSQL." + db.port())));
                st.execute("create table owned_by_app (x int)");
            }
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionIsSecuredAndKeepsItsData(@TempDir Path home) throws Exception {
        Path pgData = home.resolve("pgdata");
        // as Rapport ran before: trust everywhere, data in the database "postgres" owned by the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create table kept (id serial primary key, v text)");
            st.execute("insert into kept (v) values ('still here')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgData)) {
            Map<String, Object> app = db.datasourceProperties();
            try (Connection c = DriverManager.getConnection((String) app.get("datasources.default.url"),
                    (String) app.get("datasources.default.username"), (String) app.get("datasources.default.password"));
                 Statement st = c.createStatement()) {
                assertEquals("still here", value(st, "select v from kept"));
                st.execute("insert into kept (v) values ('the application owns it')");
                st.execute("alter table kept add column w int");
            }
            Properties none = new Properties();
            none.setProperty("user", "postgres");
            assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:postgresql://localhost:" + db.port() + "/rapport", none).close());
        }
    }

    private static String value(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
