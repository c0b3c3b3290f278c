package rapport.system;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import rapport.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workspace created by an earlier release upgrades: every migration a release adds is numbered after the
 * last one already shipped, so Flyway's validation (which refuses a migration older than the applied ones)
 * never stops the application at start.
 */
class MigrationUpgradeTest {

    /** The newest migration of the release before the engine's facts (issue 9) were added. */
    private static final String SHIPPED = "50";

    @Test
    void aDatabaseAtTheLastShippedMigrationUpgradesToTheLatestWithoutValidationErrors() {
        Map<String, String> db = TestDatabase.fresh();
        Flyway.configure().dataSource(db.get("datasources.default.url"), db.get("datasources.default.username"),
                db.get("datasources.default.password")).target(SHIPPED).load().migrate();

        Flyway latest = Flyway.configure().dataSource(db.get("datasources.default.url"),
                db.get("datasources.default.username"), db.get("datasources.default.password")).load();
        latest.migrate();

        MigrationInfo[] all = latest.info().all();
        assertTrue(Arrays.stream(all).allMatch(m -> m.getState().isApplied()), "every migration applied in order");
        assertEquals(all[all.length - 1].getVersion(), latest.info().current().getVersion());
    }

    @Test
    void aCycleOfInReplyToStoredBeforeV62GetsItsThreadFactsOnUpgrade() throws SQLException {
        Map<String, String> db = TestDatabase.fresh();
        String url = db.get("datasources.default.url");
        String user = db.get("datasources.default.username");
        String password = db.get("datasources.default.password");
        Flyway.configure().dataSource(url, user, password).target("61").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("insert into account (id, network, handle) values (1, 'x', 'Loop')");
            // m3, the oldest, replies to m2; m1 and m2 name each other: V60 gave them no facts
            st.execute("""
                    insert into message (id, network, message_id, account_id, author_id, from_brand, kind, created_at, parent_id)
                    values (1, 'x', 'm1', 1, 'Loop', true, 'reply', '2026-01-05T10:00:00Z', 2),
                           (2, 'x', 'm2', 1, 'Loop', true, 'reply', '2026-01-05T10:10:00Z', 1),
                           (3, 'x', 'm3', 1, 'Loop', true, 'reply', '2026-01-05T09:00:00Z', 2)""");
        }

        Flyway.configure().dataSource(url, user, password).load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), min(root_id), max(root_id) from message_fact")) {
            rs.next();
            assertEquals(3, rs.getInt(1), "every message has its facts");
            assertEquals(1, rs.getInt(2), "m3 walks to m2 then m1, whose parent m2 is on the walk: m1 roots them");
            assertEquals(1, rs.getInt(3));
        }
    }
}
