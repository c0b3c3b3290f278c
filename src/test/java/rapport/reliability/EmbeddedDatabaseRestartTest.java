package rapport.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rapport.system.EmbeddedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart right after a stop: the earlier server may still hold the data directory (its stop outlasted the
 * 5 s the library's pg_ctl waits, e.g. a busy backend). Seen in a benchmark: the next start then waited its
 * whole 15 minutes for a server that could not start. Now it waits for the earlier one to be gone.
 */
class EmbeddedDatabaseRestartTest {

    @Test
    void aStartWaitsUntilAnEarlierServerOnTheSameDataHasStopped(@TempDir Path home) throws Exception {
        Path pgData = home.resolve("pgdata");
        EmbeddedDatabase.start(pgData).close();
        // the earlier server, as its pid file names it: a process that stops two seconds from now
        Process earlier = new ProcessBuilder("sleep", "2").start();
        Files.writeString(pgData.resolve("postmaster.pid"), earlier.pid() + "\n" + pgData + "\n");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgData)) {
            assertFalse(earlier.isAlive(), "the start went on only once the earlier server was gone");
            long server = db.serverProcess().orElseThrow().pid();
            assertNotEquals(earlier.pid(), server);
            assertEquals(1, answer(db), "and the new server answers");
        } finally {
            earlier.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStopReturnsOnlyOnceTheServerIsGone(@TempDir Path home) throws Exception {
        Path pgData = home.resolve("pgdata");
        ProcessHandle server;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgData)) {
            server = db.serverProcess().orElseThrow();
            assertEquals(1, answer(db));
        }
        assertFalse(server.isAlive(), "nothing of the stopped server is left to hold the data directory");
        assertTrue(Files.notExists(pgData.resolve("postmaster.pid")));
    }

    private static int answer(EmbeddedDatabase db) throws Exception {
        String password = Files.readAllLines(db.dataDirectory().resolve("rapport-credentials.properties")).stream()
                .filter(l -> l.startsWith("superuser.password=")).findFirst().orElseThrow().substring("superuser.password=".length());
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + db.port() + "/postgres", "postgres", password);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
