package rapport.metrics.voice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The brand-voice facts of some brand messages derived again, within one drain's transaction: each post's
 * promotional flag (all of an account's posts when its settings changed) and each reply's row, whose template
 * group {@link TemplateGroupUpkeep} keeps.
 */
final class BrandMessageFacts {

    private final Connection c;

    BrandMessageFacts(Connection c) {
        this.c = c;
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

    void derive(Set<Long> ids, Set<Integer> settingsChanged) throws SQLException {
        Map<Long, Current> current = current(ids);
        Set<Integer> accounts = new HashSet<>(settingsChanged);
        current.values().forEach(m -> accounts.add(m.accountId()));
        Map<Integer, Settings> settings = settings(accounts);
        flagPosts(ids, current.values().stream().filter(Current::post).toList(), settings);
        for (int account : settingsChanged) {
            List<Current> posts = posts(account);
            flagPosts(posts.stream().map(Current::id).toList(), posts, settings);
        }
        deriveReplies(ids, current);
    }

    private Map<Long, Current> current(Set<Long> ids) throws SQLException {
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

    private List<Current> posts(int account) throws SQLException {
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

    private Map<Integer, Settings> settings(Set<Integer> accounts) throws SQLException {
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
    private void flagPosts(Collection<Long> ids, List<Current> posts,
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
    private void deriveReplies(Set<Long> ids, Map<Long, Current> current) throws SQLException {
        Map<Long, Stored> stored = stored(ids);
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

    private Map<Long, Stored> stored(Set<Long> ids) throws SQLException {
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
}
