package rapport.people;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.system.DataChanged;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps {@code person_summary} equal to the data: recomputed from the messages after every data change (in the
 * background, one run at a time; changes that arrive during a run cause one more run), and at start-up when it
 * was never computed. Each run reads one snapshot and replaces every row in one transaction, so readers see
 * either the old table or the new one.
 */
@Singleton
public class PersonSummaryRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(PersonSummaryRefresher.class);

    private final Database database;
    private final ZoneId zone;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "person-summary");
        t.setDaemon(true);
        return t;
    });
    /** Data changes seen, and the latest of them a finished run had already seen when it started. */
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong covered = new AtomicLong();

    PersonSummaryRefresher(Database database, RapportSettings settings) {
        this.database = database;
        this.zone = settings.zone();
    }

    /** The window's end for a latest message: Monday 00:00 after its ISO week, in the workspace time zone. */
    static LocalDate asOf(Instant latest, ZoneId zone) {
        return latest.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
    }

    @EventListener
    void onDataChanged(DataChanged event) {
        schedule();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from person_summary_state")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                schedule();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void schedule() {
        long change = requested.incrementAndGet();
        background.submit(() -> {
            // a run that started after this change (here or in a caller of refresh()) already holds it
            if (covered.get() >= change) {
                return;
            }
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.error("The people table could not be recomputed", e);
            }
        });
    }

    /** Recomputes every row now (tests and the background thread). */
    public synchronized void refresh() {
        long started = System.nanoTime();
        long seen = requested.get();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Instant latest;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PersonSummarySql.LATEST_MESSAGE)) {
                    rs.next();
                    Timestamp ts = rs.getTimestamp(1);
                    latest = ts == null ? null : ts.toInstant();
                }
                try (Statement st = c.createStatement()) {
                    st.execute(PersonSummarySql.CLEAR);
                }
                LocalDate asOf = latest == null ? null : asOf(latest, zone);
                if (asOf != null) {
                    compute(c, asOf);
                }
                try (PreparedStatement st = c.prepareStatement(PersonSummarySql.STATE)) {
                    st.setTimestamp(1, asOf == null ? null : start(asOf));
                    st.setTimestamp(2, asOf == null ? null : start(asOf.minusWeeks(1)));
                    st.setLong(3, (System.nanoTime() - started) / 1_000_000);
                    st.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        covered.accumulateAndGet(seen, Math::max);
        LOG.info("People table recomputed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void compute(Connection c, LocalDate asOf) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String step : PersonSummarySql.PREPARE) {
                st.execute(step);
            }
        }
        Timestamp end = start(asOf);
        Timestamp windowStart = start(asOf.minusDays(90));
        Timestamp beforeStart = start(asOf.minusDays(180));
        try (PreparedStatement st = c.prepareStatement(PersonSummarySql.INSERT)) {
            int i = 0;
            st.setString(++i, zone.getId());
            st.setTimestamp(++i, windowStart);
            st.setTimestamp(++i, end);
            st.setTimestamp(++i, windowStart);
            st.setTimestamp(++i, end);
            st.setString(++i, zone.getId());
            st.setTimestamp(++i, beforeStart);
            st.setTimestamp(++i, windowStart);
            st.setTimestamp(++i, beforeStart);
            st.setTimestamp(++i, windowStart);
            st.setTimestamp(++i, windowStart);
            st.setTimestamp(++i, beforeStart);
            st.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.execute(PersonSummarySql.ANALYZE);
        }
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
