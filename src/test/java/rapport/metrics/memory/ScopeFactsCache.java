package rapport.metrics.memory;

import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.metrics.freshness.DataVersions;
import rapport.metrics.freshness.ScopeKeyed;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of a scope, computed once and kept (Caffeine) until an import changes the data. The data
 * version is part of the key, so a computation that raced an import can never be served after it.
 */
@Singleton
public class ScopeFactsCache {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeFactsCache.class);

    private final ScopeLoader loader;
    private final Database database;
    private final RapportSettings settings;
    private final DataVersions versions;
    private final SyncCache<?> cache;

    ScopeFactsCache(ScopeLoader loader, Database database, RapportSettings settings, DataVersions versions,
                    @Named("scope-facts") SyncCache<?> cache) {
        this.loader = loader;
        this.database = database;
        this.settings = settings;
        this.versions = versions;
        this.cache = cache;
    }

    /**
     * Versions are read before the messages: an import committing in between leaves the facts labelled with
     * the older versions, so they are never served to a request that saw the newer ones.
     */
    public ScopeFacts facts(List<Integer> accountIds) {
        return cache.get(new Key(versions.of(accountIds)), ScopeFacts.class, () -> compute(accountIds));
    }

    /** Computed afresh and not kept: rollups go through every scope once and must not crowd out the dashboard's. */
    public ScopeFacts uncached(List<Integer> accountIds) {
        return compute(accountIds);
    }

    private record Key(DataVersions.ScopeVersion scope) implements ScopeKeyed {
    }

    private ScopeFacts compute(List<Integer> accountIds) {
        long started = System.nanoTime();
        ScopeData data = loader.load(accountIds);
        long loaded = System.nanoTime();
        ScopeFacts facts = new ScopeFacts(data, settings.zone(), settings.slaHours(), followers(accountIds), surveys(accountIds, data));
        LOG.info("scope {}: {} messages loaded in {} ms, facts derived in {} ms", accountIds, data.size,
                (loaded - started) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
        return facts;
    }

    private Map<Integer, List<ScopeFacts.FollowerSnapshot>> followers(List<Integer> accountIds) {
        Map<Integer, List<ScopeFacts.FollowerSnapshot>> byAccount = new LinkedHashMap<>();
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(ScopeSql.FOLLOWER_SNAPSHOTS)) {
            st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byAccount.computeIfAbsent(rs.getInt(1), a -> new ArrayList<>())
                            .add(new ScopeFacts.FollowerSnapshot(rs.getObject(2, LocalDate.class), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return byAccount;
    }

    private List<ScopeFacts.SurveyAnswer> surveys(List<Integer> accountIds, ScopeData data) {
        List<ScopeFacts.SurveyAnswer> answers = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(ScopeSql.SURVEYS_OF_ACTIVE_PERSONS)) {
            st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Integer person = data.personIndexById.get(rs.getLong(1));
                    if (person != null) {
                        answers.add(new ScopeFacts.SurveyAnswer(person, rs.getObject(2, LocalDate.class), rs.getInt(3)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return answers;
    }
}
