package rapport.metrics;

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
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the rollups current: after start-up and after every data change, in the background, it recomputes
 * the scopes whose accounts' data versions moved (each account alone, and all accounts together while they
 * are small enough to hold in memory); the other accounts' rollups stay as they are. Until it is done the dashboard computes from the messages, as it would anyway.
 */
@Singleton
public class RollupRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(RollupRefresher.class);

    private final RollupStore store;
    private final ScopeFactsCache facts;
    private final Database database;
    private final RapportSettings settings;
    private final boolean background;
    private final long maxAllScopeMessages;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rollups");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    RollupRefresher(RollupStore store, ScopeFactsCache facts, Database database, RapportSettings settings,
                    @Value("${rapport.rollups.background:true}") boolean background,
                    @Value("${rapport.rollups.max-all-scope-messages:3000000}") long maxAllScopeMessages) {
        this.store = store;
        this.facts = facts;
        this.database = database;
        this.settings = settings;
        this.background = background;
        this.maxAllScopeMessages = maxAllScopeMessages;
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
        if (background && queued.compareAndSet(false, true)) {
            worker.submit(() -> {
                queued.set(false);
                try {
                    refreshNow();
                } catch (RuntimeException e) {
                    LOG.warn("Rollup refresh failed; metrics are computed from the messages until the next import", e);
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Brings every kept scope up to date; returns the scopes it recomputed. */
    public synchronized List<String> refreshNow() {
        List<List<Integer>> scopes = new ArrayList<>();
        try (Connection c = database.connection()) {
            List<Integer> all = store.accountIds(c);
            all.forEach(id -> scopes.add(List.of(id)));
            if (all.size() > 1 && store.messageCount(c, all) <= maxAllScopeMessages) {
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
        String versions;
        // read before the messages: an import committing in between leaves the rollup marked stale, never wrong
        try (Connection c = database.connection()) {
            versions = DataVersions.of(c, accountIds).versions();
            if (store.isCurrent(c, scope, Grain.WEEK, versions) && store.isCurrent(c, scope, Grain.MONTH, versions)) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long started = System.nanoTime();
        ScopeFacts scopeFacts = facts.uncached(accountIds);
        Map<Grain, Map<Metric, List<MetricPoint>>> values = new EnumMap<>(Grain.class);
        for (Grain grain : Grain.values()) {
            values.put(grain, MetricCalculator.compute(scopeFacts, coverage(scopeFacts, grain)));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        values.forEach((grain, series) -> store.save(scope, grain, versions, series, millis));
        LOG.info("rollups of scope {} ({} messages) recomputed in {} ms", scope, scopeFacts.data.size, millis);
        return true;
    }

    /**
     * The periods a rollup holds: from a year before the scope's first datum to a year after its last one
     * (or after today), so that the views people open (the last 12 to 52 weeks, months) fall inside it.
     */
    List<Period> coverage(ScopeFacts scopeFacts, Grain grain) {
        LocalDate today = LocalDate.now(settings.zone());
        LocalDate first = today;
        LocalDate last = today;
        ScopeData data = scopeFacts.data;
        if (data.size > 0) {
            first = min(first, day(data.createdMicros[0]));
            last = max(last, day(data.createdMicros[data.size - 1]));
        }
        for (List<ScopeFacts.FollowerSnapshot> snapshots : scopeFacts.followersByAccount.values()) {
            for (ScopeFacts.FollowerSnapshot snapshot : snapshots) {
                first = min(first, snapshot.day());
                last = max(last, snapshot.day());
            }
        }
        for (ScopeFacts.SurveyAnswer answer : scopeFacts.surveys) {
            first = min(first, answer.day());
            last = max(last, answer.day());
        }
        LocalDate to = last.plusYears(1);
        // no longer than a request may be: decades of data keep their most recent periods
        LocalDate earliest = grain == Grain.WEEK ? to.minusWeeks(PeriodRange.MAX_PERIODS - 1) : to.minusMonths(PeriodRange.MAX_PERIODS - 1);
        LocalDate from = max(first.minusYears(1), earliest);
        return new PeriodRange(grain, from, to).periods(settings.zone());
    }

    private LocalDate day(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(settings.zone()).toLocalDate();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
