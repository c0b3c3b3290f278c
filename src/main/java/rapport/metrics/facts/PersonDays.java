package rapport.metrics.facts;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps {@code person_day}, {@code account_day} and {@code reply_day} in the workspace time zone: triggers maintain
 * them on every write; at start-up, when the zone differs from the one their days were cut in (or they were never
 * built), they are built again, holding off imports and the brand-voice drain.
 */
@Singleton
class PersonDays {

    private static final Logger LOG = LoggerFactory.getLogger(PersonDays.class);

    private final Database database;
    private final RapportSettings settings;

    PersonDays(Database database, RapportSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        String zone = settings.zone().getId();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(PersonDaySql.IMPORT_LOCK);
                String built;
                try (ResultSet rs = st.executeQuery(PersonDaySql.ZONE)) {
                    rs.next();
                    built = rs.getString(1);
                }
                if (!zone.equals(built)) {
                    long started = System.nanoTime();
                    st.execute(PersonDaySql.DRAIN_LOCK);
                    st.execute(PersonDaySql.FORGET);
                    try (PreparedStatement set = c.prepareStatement(PersonDaySql.SET_ZONE);
                         PreparedStatement build = c.prepareStatement(PersonDaySql.BUILD);
                         PreparedStatement accountDays = c.prepareStatement(PersonDaySql.BUILD_ACCOUNT_DAYS);
                         PreparedStatement replyDays = c.prepareStatement(PersonDaySql.BUILD_REPLY_DAYS)) {
                        set.setString(1, zone);
                        set.executeUpdate();
                        build.setString(1, zone);
                        build.executeUpdate();
                        accountDays.execute();
                        replyDays.execute();
                    }
                    LOG.info("person days built in {} (were in {}) in {} ms", zone, built, (System.nanoTime() - started) / 1_000_000);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not build the person days", e);
        }
    }
}
