package rapport.metrics.memory;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * The in-memory reference engine's facts of a scope: every message loaded, threads, turns, template groups and
 * person activity derived in the JVM, afresh on every call (the tests compare them with the facts in PostgreSQL).
 */
@Singleton
public class ReferenceFacts {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceFacts.class);

    private final ScopeLoader loader;
    private final Database database;
    private final RapportSettings settings;

    ReferenceFacts(ScopeLoader loader, Database database, RapportSettings settings) {
        this.loader = loader;
        this.database = database;
        this.settings = settings;
    }

    public ScopeFacts load(List<Integer> accountIds) {
        return compute(accountIds);
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
