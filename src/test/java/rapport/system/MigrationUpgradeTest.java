package rapport.system;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import rapport.TestDatabase;

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
}
