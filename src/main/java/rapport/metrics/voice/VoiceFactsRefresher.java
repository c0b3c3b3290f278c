package rapport.metrics.voice;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.system.CoalescingWorker;
import rapport.system.DataChanged;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derives the brand-voice facts (migration V61) from what the triggers queued: after start-up (the first start
 * queues every brand message) and every data change, in the background; and before any read of a scope holding
 * a queued account, so a figure is never read stale. Work is proportional to the queued messages: each one's
 * post flag and reply row are derived again, and only the template groups they leave or join are touched
 * ({@link TemplateGroupUpkeep}). A change of an account's promotional settings flags all its posts again.
 */
@Singleton
public class VoiceFactsRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceFactsRefresher.class);

    /** Queued rows derived per transaction: bounds the memory of a backfill or a bulk import. */
    static final int CHUNK = 10_000;

    private final Database database;
    private final CoalescingWorker worker = new CoalescingWorker("voice-facts", this::drain, LOG,
            "Deriving the brand-voice facts failed; the next read or change tries again");

    VoiceFactsRefresher(Database database) {
        this.database = database;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        worker.schedule();
    }

    @EventListener
    void onDataChanged(DataChanged event) {
        worker.schedule();
    }

    /** Derives what is queued when one of the accounts is queued, before their figures are read. */
    void ensureCurrent(List<Integer> accountIds) {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(VoiceSql.ANY_PENDING)) {
            st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the brand-voice queue", e);
        }
        drain();
    }

    /**
     * Everything queued, chunk by chunk; returns the queued rows done. After a bulk import the facts grow from
     * few rows to many: the planner is told every {@link #ANALYZE_EVERY} rows, so that later chunks and the
     * dashboard's first reads are planned for what is there.
     */
    public long drain() {
        long done = 0;
        long sinceAnalyze = 0;
        long after = 0;
        for (Chunk chunk; ; after = chunk.lastId()) {
            chunk = drainChunk(after);
            if (chunk.rows() == 0) {
                // rows queued below the last id (a writer that committed late) are found from the start once more
                if (after == 0 || (chunk = drainChunk(0)).rows() == 0) {
                    break;
                }
            }
            done += chunk.rows();
            sinceAnalyze += chunk.rows();
            if (sinceAnalyze >= ANALYZE_EVERY) {
                analyze();
                sinceAnalyze = 0;
            }
        }
        if (done >= ANALYZE_EVERY / 10) {
            analyze();
        }
        return done;
    }

    /** Queued rows done in one transaction, and the last one's id. */
    private record Chunk(int rows, long lastId) {
    }

    static final int ANALYZE_EVERY = 100_000;

    private void analyze() {
        try (Connection c = database.connection(); Statement st = c.createStatement()) {
            st.execute(VoiceSql.ANALYZE_FACTS);
        } catch (SQLException e) {
            throw new IllegalStateException("could not analyze the brand-voice facts", e);
        }
    }

    /**
     * The next queued rows after the given queue id: read from where the last chunk ended, the index scan does not
     * step again over the entries of the rows done (dead until vacuum), which made each chunk of a large drain
     * slower than the one before.
     */
    private Chunk drainChunk(long after) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute(VoiceSql.DRAIN_LOCK);
                }
                List<Long> queueIds = new ArrayList<>();
                Set<Long> messages = new LinkedHashSet<>();
                Set<Integer> settingsChanged = new HashSet<>();
                try (PreparedStatement st = c.prepareStatement(VoiceSql.PENDING_CHUNK)) {
                    st.setLong(1, after);
                    st.setInt(2, CHUNK);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            queueIds.add(rs.getLong(1));
                            long message = rs.getLong(3);
                            if (rs.wasNull()) {
                                settingsChanged.add(rs.getInt(2));
                            } else {
                                messages.add(message);
                            }
                        }
                    }
                }
                if (!queueIds.isEmpty()) {
                    derive(c, messages, settingsChanged);
                    try (PreparedStatement st = c.prepareStatement(VoiceSql.DONE)) {
                        st.setArray(1, c.createArrayOf("bigint", queueIds.toArray()));
                        st.executeUpdate();
                    }
                }
                c.commit();
                return new Chunk(queueIds.size(), queueIds.isEmpty() ? after : queueIds.get(queueIds.size() - 1));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not derive the brand-voice facts", e);
        }
    }

    /** A brand message as it is now; parentAccount and addressed are null unless its parent is a person's message. */
    private record Current(long id, int accountId, String kind, OffsetDateTime createdAt, boolean post, String text,
                           Integer parentAccount, Long addressed) {

        boolean reply() {
            return addressed != null && !kind.equals("share") && !kind.equals("reaction");
        }
    }

    private record Stored(long id, int accountId, Long groupId, String normalised, OffsetDateTime createdAt,
                          long addressed, int parentAccount) {
    }

    private void derive(Connection c, Set<Long> ids, Set<Integer> settingsChanged) throws SQLException {
        Map<Long, Current> current = current(c, ids);
        Set<Integer> accounts = new HashSet<>(settingsChanged);
        current.values().forEach(m -> accounts.add(m.accountId()));
        Map<Integer, Settings> settings = settings(c, accounts);
        flagPosts(c, ids, current.values().stream().filter(Current::post).toList(), settings);
        for (int account : settingsChanged) {
            List<Current> posts = posts(c, account);
            flagPosts(c, posts.stream().map(Current::id).toList(), posts, settings);
        }
        deriveReplies(c, ids, current);
    }

    private static Map<Long, Current> current(Connection c, Set<Long> ids) throws SQLException {
        Map<Long, Current> current = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(VoiceSql.MESSAGES)) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Integer parentAccount = (Integer) rs.getObject(7);
                    Long addressed = (Long) rs.getObject(8);
                    current.put(rs.getLong(1), new Current(rs.getLong(1), rs.getInt(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5), rs.getString(6), parentAccount, addressed));
                }
            }
        }
        return current;
    }

    private static List<Current> posts(Connection c, int account) throws SQLException {
        List<Current> posts = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(VoiceSql.ACCOUNT_POSTS)) {
            st.setInt(1, account);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    posts.add(new Current(rs.getLong(1), rs.getInt(2), "post", rs.getObject(3, OffsetDateTime.class),
                            true, rs.getString(4), null, null));
                }
            }
        }
        return posts;
    }

    private record Settings(List<String> phrases, List<String> domains) {
    }

    private static Map<Integer, Settings> settings(Connection c, Set<Integer> accounts) throws SQLException {
        Map<Integer, Settings> settings = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(VoiceSql.ACCOUNT_SETTINGS)) {
            st.setArray(1, c.createArrayOf("text", PromotionalMessages.DEFAULT_PHRASES.toArray()));
            st.setArray(2, c.createArrayOf("integer", accounts.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    settings.put(rs.getInt(1), new Settings(Arrays.asList((String[]) rs.getArray(2).getArray()),
                            Arrays.asList((String[]) rs.getArray(3).getArray())));
                }
            }
        }
        return settings;
    }

    /** The posts' rows again: the given messages' rows go, the posts among them come back flagged. */
    private static void flagPosts(Connection c, java.util.Collection<Long> ids, List<Current> posts,
                                  Map<Integer, Settings> settings) throws SQLException {
        try (PreparedStatement forget = c.prepareStatement(VoiceSql.FORGET_POSTS);
             PreparedStatement add = c.prepareStatement(VoiceSql.ADD_POST)) {
            forget.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            forget.executeUpdate();
            for (Current p : posts) {
                Settings s = settings.get(p.accountId());
                add.setLong(1, p.id());
                add.setInt(2, p.accountId());
                add.setObject(3, p.createdAt());
                add.setBoolean(4, PromotionalMessages.isPromotional(p.text(), s.phrases(), s.domains()));
                add.addBatch();
            }
            add.executeBatch();
        }
    }

    /**
     * Each message's reply row as it must be now. A grouped reply whose text and account stay keeps its group
     * (its time or addressed person may move); otherwise it leaves its group, which may split, and joins the
     * groups of its near-duplicates again.
     */
    private static void deriveReplies(Connection c, Set<Long> ids, Map<Long, Current> current) throws SQLException {
        Map<Long, Stored> stored = stored(c, ids);
        TemplateGroupUpkeep groups = new TemplateGroupUpkeep(c);
        List<Long> forget = new ArrayList<>();
        List<NewReply> grouped = new ArrayList<>();
        List<NewReply> crossAccount = new ArrayList<>();
        try (PreparedStatement move = c.prepareStatement(VoiceSql.MOVE_REPLY)) {
            for (long id : ids) {
                Current m = current.get(id);
                Stored s = stored.get(id);
                NewReply r = m == null || !m.reply() ? null : new NewReply(m.id(), m.accountId(), m.createdAt(),
                        m.parentAccount(), m.addressed(), TemplateKeys.of(m.accountId(), m.text()));
                boolean ownAccount = r != null && r.parentAccount() == r.accountId();
                if (s != null) {
                    if (ownAccount && s.groupId() != null && s.accountId() == r.accountId()
                            && s.normalised().equals(r.keys().normalised())) {
                        if (!s.createdAt().isEqual(r.createdAt()) || s.addressed() != r.addressed()) {
                            move.setObject(1, r.createdAt());
                            move.setLong(2, r.addressed());
                            move.setLong(3, id);
                            move.addBatch();
                            if (s.addressed() != r.addressed()) {
                                groups.recount(s.groupId());
                            }
                        }
                        continue;
                    }
                    forget.add(id);
                    if (s.groupId() != null) {
                        groups.lost(s.groupId());
                    }
                }
                if (r != null) {
                    (ownAccount ? grouped : crossAccount).add(r);
                }
            }
            move.executeBatch();
        }
        try (PreparedStatement st = c.prepareStatement(VoiceSql.FORGET_REPLIES)) {
            st.setArray(1, c.createArrayOf("bigint", forget.toArray()));
            st.executeUpdate();
        }
        groups.splitAndRecount();
        groups.addUngrouped(crossAccount);
        Map<Integer, List<NewReply>> byAccount = new HashMap<>();
        grouped.forEach(r -> byAccount.computeIfAbsent(r.accountId(), a -> new ArrayList<>()).add(r));
        for (List<NewReply> replies : byAccount.values()) {
            groups.join(replies);
        }
        groups.recountJoined();
    }

    private static Map<Long, Stored> stored(Connection c, Set<Long> ids) throws SQLException {
        Map<Long, Stored> stored = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(VoiceSql.STORED_REPLIES)) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), new Stored(rs.getLong(1), rs.getInt(2), (Long) rs.getObject(3),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getLong(6), rs.getInt(7)));
                }
            }
        }
        return stored;
    }

    /** A brand reply to be stored: to a person's message of its own account (grouped) or of another. */
    record NewReply(long id, int accountId, OffsetDateTime createdAt, int parentAccount, long addressed, TemplateKeys keys) {
        NewReply {
            Objects.requireNonNull(keys);
        }
    }
}
