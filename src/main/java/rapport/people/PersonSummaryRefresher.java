package rapport.people;

import io.micronaut.context.annotation.Value;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps {@code person_summary} equal to the data, in the background, one run at a time. After a data change that
 * names its accounts, only those accounts' rows and the all-accounts rows of the persons who wrote to them are
 * recomputed (incremental); a full recomputation runs at start-up when the table never was computed, after a
 * change that names no account (an account deleted, survey answers, an erasure), and whenever the as-of week
 * moved (tiers and active weeks depend on it, so every row changes). Changes that arrive while a run is under
 * way are gathered into one pending run. Each run reads one REPEATABLE READ snapshot and writes in one
 * transaction, so readers see either the old rows or the new ones.
 */
@Singleton
public class PersonSummaryRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(PersonSummaryRefresher.class);

    /** What a run did. */
    public enum Kind { FULL, INCREMENTAL }

    private final Database database;
    private final ZoneId zone;
    private final PersonSummaryWrites writes;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "person-summary");
        t.setDaemon(true);
        return t;
    });
    /** The changes not yet taken by a run: accounts named, or everything; whether a run is already queued for them. */
    private final Object pendingLock = new Object();
    private Set<Integer> pendingAccounts = new HashSet<>();
    private boolean pendingAll;
    private boolean queued;

    /**
     * Each account's data version (migration V10) as of the snapshot the table was last computed from: an
     * event for data the table already reflects (the import's own event and its database notification both
     * arrive) costs no second run.
     */
    private final Map<Integer, Long> versionsComputed = new ConcurrentHashMap<>();

    /** Off only in tests that drive every run themselves. */
    private final boolean refreshInBackground;

    PersonSummaryRefresher(Database database, RapportSettings settings,
                           @Value("${rapport.people.background:true}") boolean background) {
        this.database = database;
        this.zone = settings.zone();
        this.writes = new PersonSummaryWrites(zone);
        this.refreshInBackground = background;
    }

    /** The window's end for a latest message: Monday 00:00 after its ISO week, in the workspace time zone. */
    static LocalDate asOf(Instant latest, ZoneId zone) {
        return latest.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
    }

    @EventListener
    void onDataChanged(DataChanged event) {
        schedule(event.accountIds());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from person_summary_state")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                schedule(null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a change to the pending run, and queues that run unless it is queued already. */
    private void schedule(Set<Integer> accounts) {
        if (!refreshInBackground) {
            return;
        }
        synchronized (pendingLock) {
            // no account named: which rows changed is not known (e.g. survey answers change every scope's NPS)
            if (accounts == null || accounts.isEmpty()) {
                pendingAll = true;
            } else {
                pendingAccounts.addAll(accounts);
            }
            if (queued) {
                return;
            }
            queued = true;
        }
        background.submit(this::runPending);
    }

    private void runPending() {
        Set<Integer> accounts;
        boolean all;
        synchronized (pendingLock) {
            accounts = pendingAccounts;
            all = pendingAll;
            pendingAccounts = new HashSet<>();
            pendingAll = false;
            queued = false;
        }
        try {
            if (!all) {
                accounts = notYetComputed(accounts);
                if (accounts.isEmpty()) {
                    return;
                }
            }
            refresh(all ? null : accounts);
        } catch (RuntimeException e) {
            LOG.error("The people table could not be recomputed", e);
        }
    }

    /** Recomputes every row now (tests and the background thread). */
    public Kind refresh() {
        return refresh(null);
    }

    /**
     * Recomputes now the rows the data of these accounts feed (null: every row); every row when the as-of week
     * moved or the table was never computed.
     */
    public synchronized Kind refresh(Collection<Integer> accounts) {
        long started = System.nanoTime();
        Kind kind;
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
                LocalDate asOf = latest == null ? null : asOf(latest, zone);
                Map<Integer, Long> versions = versions(c);
                kind = accounts != null && asOf != null && asOf.equals(writes.storedAsOf(c)) ? Kind.INCREMENTAL : Kind.FULL;
                if (kind == Kind.INCREMENTAL) {
                    writes.accounts(c, asOf, accounts);
                    try (PreparedStatement st = c.prepareStatement(PersonSummarySql.STATE_TIME)) {
                        st.setLong(1, (System.nanoTime() - started) / 1_000_000);
                        st.executeUpdate();
                    }
                } else {
                    try (Statement st = c.createStatement()) {
                        st.execute(PersonSummarySql.CLEAR);
                    }
                    if (asOf != null) {
                        writes.all(c, asOf);
                    }
                    try (PreparedStatement st = c.prepareStatement(PersonSummarySql.STATE)) {
                        st.setTimestamp(1, asOf == null ? null : writes.start(asOf));
                        st.setTimestamp(2, asOf == null ? null : writes.start(asOf.minusWeeks(1)));
                        st.setLong(3, (System.nanoTime() - started) / 1_000_000);
                        st.executeUpdate();
                    }
                }
                c.commit();
                if (kind == Kind.FULL) {
                    versionsComputed.clear();
                    versionsComputed.putAll(versions);
                } else {
                    accounts.forEach(a -> versionsComputed.compute(a, (k, old) -> versions.get(a)));
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        LOG.info("People table recomputed ({}) in {} ms", kind == Kind.FULL ? "full" : "accounts " + accounts,
                (System.nanoTime() - started) / 1_000_000);
        return kind;
    }

    private static Map<Integer, Long> versions(Connection c) throws SQLException {
        Map<Integer, Long> versions = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PersonSummarySql.ACCOUNT_VERSIONS)) {
            while (rs.next()) {
                versions.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return versions;
    }

    /** Those of these accounts whose current data the table was not last computed from (one read of the versions). */
    Set<Integer> notYetComputed(Collection<Integer> accounts) {
        Map<Integer, Long> current;
        try (Connection c = database.connection()) {
            current = versions(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Set<Integer> stale = new HashSet<>();
        for (int account : accounts) {
            Long computed = versionsComputed.get(account);
            if (computed == null || !computed.equals(current.get(account))) {
                stale.add(account);
            }
        }
        return stale;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
