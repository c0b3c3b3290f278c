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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives the brand-voice facts (migration V61) from what the triggers queued: after start-up (the first start
 * queues every brand message) and every data change, in the background; and before any read of a scope holding
 * a queued account, so a figure is never read stale. Work is proportional to the queued messages: each one's
 * post flag and reply row are derived again ({@link BrandMessageFacts}), and only the template groups they leave
 * or join are touched ({@link TemplateGroupUpkeep}). A change of an account's promotional settings flags all its
 * posts again.
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
                    new BrandMessageFacts(c).derive(messages, settingsChanged);
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
}
