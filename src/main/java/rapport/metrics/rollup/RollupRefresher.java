package rapport.metrics.rollup;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.metrics.Metric;
import rapport.metrics.KeptPeriods;
import rapport.metrics.MetricPoint;
import rapport.metrics.freshness.DataVersions;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.metrics.period.PeriodRange;
import rapport.system.CoalescingWorker;
import rapport.system.DataChanged;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the rollups current: after start-up and after every data change, in the background, it recomputes
 * the scopes whose accounts' data versions moved (each account alone, and all accounts together); the other
 * accounts' rollups stay as they are. Until it is done the dashboard computes from the facts, as it would anyway.
 * Only the periods the changes can reach are computed again (KeptPeriods, shared with the requests' computations).
 */
@Singleton
public class RollupRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(RollupRefresher.class);

    private final RollupStore store;
    private final KeptPeriods kept;
    private final Database database;
    private final RapportSettings settings;
    private final boolean background;
    private final CoalescingWorker worker = new CoalescingWorker("rollups", this::refreshNow, LOG,
            "Rollup refresh failed; metrics are computed from the facts until the next import");

    RollupRefresher(RollupStore store, KeptPeriods kept, Database database, RapportSettings settings,
                    @Value("${rapport.rollups.background:true}") boolean background) {
        this.store = store;
        this.kept = kept;
        this.database = database;
        this.settings = settings;
        this.background = background;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        schedule();
    }

    @EventListener
    void onDataChanged(DataChanged event) {
        schedule();
    }

    /** One refresh waiting is enough: it will see every import finished before it starts. */
    private void schedule() {
        if (background) {
            worker.schedule();
        }
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }

    /** Brings every kept scope up to date; returns the scopes it recomputed. */
    public synchronized List<String> refreshNow() {
        List<List<Integer>> scopes = new ArrayList<>();
        try (Connection c = database.connection()) {
            List<Integer> all = store.accountIds(c);
            all.forEach(id -> scopes.add(List.of(id)));
            if (all.size() > 1) {
                scopes.add(all);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        store.keepOnly(scopes.stream().map(RollupStore::scopeKey).toList());
        List<String> recomputed = new ArrayList<>();
        for (List<Integer> scope : scopes) {
            if (refresh(scope)) {
                recomputed.add(RollupStore.scopeKey(scope));
            }
        }
        LOG.info("rollups current: {} of {} scopes recomputed", recomputed.size(), scopes.size());
        return recomputed;
    }

    private boolean refresh(List<Integer> accountIds) {
        String scope = RollupStore.scopeKey(accountIds);
        DataVersions.ScopeVersion version;
        // read before the messages: an import committing in between leaves the rollup marked stale, never wrong
        try (Connection c = database.connection()) {
            version = DataVersions.of(c, accountIds);
            if (store.isCurrent(c, scope, Grain.WEEK, version.versions()) && store.isCurrent(c, scope, Grain.MONTH, version.versions())) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long started = System.nanoTime();
        Map<Grain, Map<Metric, List<MetricPoint>>> values = new EnumMap<>(Grain.class);
        for (Grain grain : Grain.values()) {
            // the periods the changes since the last computation cannot reach are kept, as for a request
            values.put(grain, kept.series(accountIds, version, grain, coverage(accountIds, grain)));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        values.forEach((grain, series) -> store.save(scope, grain, version.versions(), series, millis));
        LOG.info("rollups of scope {} recomputed in {} ms", scope, millis);
        return true;
    }

    /**
     * The periods a rollup holds: from a year before the scope's first datum to a year after its last one
     * (or after today), so that the views people open (the last 12 to 52 weeks, months) fall inside it.
     */
    public List<Period> coverage(List<Integer> accountIds, Grain grain) {
        LocalDate today = LocalDate.now(settings.zone());
        LocalDate first = today;
        LocalDate last = today;
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(RollupSql.SCOPE_BOUNDS)) {
            st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
            st.setString(2, settings.zone().getId());
            st.setString(3, settings.zone().getId());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    first = min(first, rs.getObject(1, LocalDate.class));
                    last = max(last, rs.getObject(2, LocalDate.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the scope's first and last day", e);
        }
        LocalDate to = last.plusYears(1);
        // no longer than a request may be: decades of data keep their most recent periods
        LocalDate earliest = grain == Grain.WEEK ? to.minusWeeks(PeriodRange.MAX_PERIODS - 1) : to.minusMonths(PeriodRange.MAX_PERIODS - 1);
        LocalDate from = max(first.minusYears(1), earliest);
        return new PeriodRange(grain, from, to).periods(settings.zone());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
