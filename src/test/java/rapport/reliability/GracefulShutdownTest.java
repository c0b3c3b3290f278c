package rapport.reliability;

import org.junit.jupiter.api.Test;
import rapport.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 12, "Also": stopping the server lets a running import finish within the grace period. */
class GracefulShutdownTest {

    @Test
    void aStopWaitsForTheRunningImportToCommit() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        RunningApp app = new RunningApp(database);
        RunningApp.Answer started;
        try {
            started = app.importFile("messages", GeneratedMessages.csv(30_000), true);
            assertEquals(202, started.status());
        } finally {
            app.close();
        }
        try (Connection c = DriverManager.getConnection(database.get("datasources.default.url"), "postgres", "postgres");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select state, inserted from import where id = " + started.get("id"))) {
            rs.next();
            assertEquals("done", rs.getString(1));
            assertEquals(30_000, rs.getLong(2));
        }
    }
}
