package rapport.accounts;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import rapport.system.DataChanged;
import rapport.system.BadRequest;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The accounts in the data, and the translation of {@code accounts=network/handle,…} into them. */
@Singleton
public class AccountDirectory {

    /** Per account through the (account_id, created_at) index, never a scan of every message. */
    private static final String LIST = """
            select a.id, a.network, a.handle,
                   (select min(m.created_at) from message m where m.account_id = a.id),
                   (select max(m.created_at) from message m where m.account_id = a.id),
                   (select count(*) from message m where m.account_id = a.id)
            from account a order by a.network, a.handle""";

    private static final String KEYS = "select id, network, handle from account order by network, handle";

    /** How long a list waits for a lock an import holds on the messages, before answering without their spans. */
    private static final String LOCK_WAIT = "set local lock_timeout = '2s'";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Database database;
    private final AtomicLong generation = new AtomicLong();
    private volatile Map<String, Integer> keys;
    private volatile List<AccountSummary> summaries;

    AccountDirectory(Database database) {
        this.database = database;
    }

    /**
     * Every account with the span of its messages. Kept until the data changes; a bulk import holds the message
     * table locked until it commits, and then (only when nothing is kept) the accounts come without their spans
     * rather than after the import.
     */
    public List<AccountSummary> list() {
        List<AccountSummary> known = summaries;
        if (known != null) {
            return known;
        }
        long seen = generation.get();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(LOCK_WAIT);
            }
            try {
                List<AccountSummary> read = readSummaries(c);
                if (generation.get() == seen) {
                    summaries = read;
                }
                return read;
            } catch (SQLException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback();
                return readWithoutSpans(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AccountSummary> readSummaries(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(LIST); ResultSet rs = st.executeQuery()) {
            List<AccountSummary> accounts = new ArrayList<>();
            while (rs.next()) {
                accounts.add(new AccountSummary(rs.getInt(1), rs.getString(2), rs.getString(3),
                        AccountKeys.key(rs.getString(2), rs.getString(3)), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), rs.getLong(6)));
            }
            return List.copyOf(accounts);
        }
    }

    private static List<AccountSummary> readWithoutSpans(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(KEYS); ResultSet rs = st.executeQuery()) {
            List<AccountSummary> accounts = new ArrayList<>();
            while (rs.next()) {
                accounts.add(new AccountSummary(rs.getInt(1), rs.getString(2), rs.getString(3),
                        AccountKeys.key(rs.getString(2), rs.getString(3)), null, null, 0));
            }
            return accounts;
        }
    }

    /**
     * The accounts a request names ({@code network/handle}, comma-separated, see {@link AccountKeys}), or every account when it
     * names none. Unknown names are a 400 that lists them.
     */
    public Scope resolve(String accounts) {
        Map<String, Integer> byKey = keys();
        if (accounts == null || accounts.isBlank() || accounts.strip().equals("all")) {
            return new Scope("all", byKey.values().stream().sorted().toList());
        }
        Set<String> wanted = new LinkedHashSet<>(AccountKeys.parse(accounts, byKey.keySet()));
        List<String> unknown = wanted.stream().filter(k -> !byKey.containsKey(k)).toList();
        if (!unknown.isEmpty()) {
            throw new BadRequest("accounts: unknown account(s) " + String.join(", ", unknown)
                    + " (write network/handle, e.g. " + byKey.keySet().stream().findFirst().orElse("x/AcmeSupport") + ")");
        }
        return new Scope(String.join("+", wanted), wanted.stream().map(byKey::get).sorted().distinct().toList());
    }

    /** Accounts appear only through imports, so the key map is kept until the next one. */
    @EventListener
    void onDataChanged(DataChanged event) {
        generation.incrementAndGet();
        keys = null;
        summaries = null;
    }

    /** network/handle → id, in display order. */
    private Map<String, Integer> keys() {
        Map<String, Integer> known = keys;
        if (known == null) {
            long seen = generation.get();
            known = readKeys();
            // an import that finished while reading may have added accounts: then keep nothing
            if (generation.get() == seen) {
                keys = known;
            }
        }
        return known;
    }

    private Map<String, Integer> readKeys() {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(KEYS);
             ResultSet rs = st.executeQuery()) {
            Map<String, Integer> read = new LinkedHashMap<>();
            while (rs.next()) {
                read.put(AccountKeys.key(rs.getString(2), rs.getString(3)), rs.getInt(1));
            }
            return Collections.unmodifiableMap(read);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
