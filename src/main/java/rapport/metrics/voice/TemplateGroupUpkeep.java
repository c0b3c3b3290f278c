package rapport.metrics.voice;

import rapport.system.CopyStream;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each grouped brand reply's template group (METRICS.md §4) as replies come and go, within one drain's
 * transaction. A new reply joins, and so merges, the groups of its near-duplicates, found in PostgreSQL by a
 * shared prefix gram or text hash and verified here on the normalised texts; a group that lost a member is
 * split into the connected groups of its remaining members. A group's template status is counted again only
 * when it may have changed: a merge into a template keeps it one.
 */
final class TemplateGroupUpkeep {

    private final Connection c;
    private final Set<Long> lost = new HashSet<>();
    private final Set<Long> recount = new HashSet<>();

    TemplateGroupUpkeep(Connection c) {
        this.c = c;
    }

    /** The group lost a member: it may fall apart, or stop being a template. */
    void lost(long group) {
        lost.add(group);
        recount.add(group);
    }

    /** A member's addressed person changed. */
    void recount(long group) {
        recount.add(group);
    }

    /** Splits the groups that lost members into their remaining members' connected groups; counts them again. */
    void splitAndRecount() throws SQLException {
        for (long group : lost) {
            List<Long> ids = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(VoiceSql.GROUP_MEMBERS)) {
                st.setLong(1, group);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        texts.add(rs.getString(2));
                    }
                }
            }
            int[] labels = TemplateGroups.groups(texts);
            Map<Integer, List<Long>> components = new LinkedHashMap<>();
            for (int k = 0; k < labels.length; k++) {
                components.computeIfAbsent(labels[k], l -> new ArrayList<>()).add(ids.get(k));
            }
            // the first part keeps the group's id, every other part gets one of its own
            for (List<Long> part : components.values().stream().skip(1).toList()) {
                long id = newGroup();
                try (PreparedStatement st = c.prepareStatement(VoiceSql.REGROUP)) {
                    st.setLong(1, id);
                    st.setArray(2, longs(part));
                    st.executeUpdate();
                }
                recount.add(id);
            }
        }
        lost.clear();
        markTemplates();
    }

    /** Stores replies to other accounts' messages: ungrouped, their groups depend on the scope. */
    void addUngrouped(List<NewReply> replies) throws SQLException {
        insert(replies, null, false);
    }

    /** One account's new grouped replies join the groups of their near-duplicates, new and stored. */
    void join(List<NewReply> replies) throws SQLException {
        joinNearDuplicates(joinStoredTexts(replies));
    }

    /**
     * Replies whose normalised text is stored already join that reply's group, and no other: whatever is similar
     * to them is similar to the stored reply (the same text), so it is in that group already. Canned replies are
     * mostly such repeats; they then cost one index lookup instead of a search among the group's members.
     * Returns the other replies.
     */
    private List<NewReply> joinStoredTexts(List<NewReply> replies) throws SQLException {
        Map<Long, StoredText> stored = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(VoiceSql.A_REPLY_PER_TEXT_KEY)) {
            st.setArray(1, longs(replies.stream().map(r -> r.keys().textKey()).collect(java.util.stream.Collectors.toSet())));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), new StoredText(rs.getString(2), rs.getLong(3)));
                }
            }
        }
        Map<Long, List<NewReply>> byGroup = new LinkedHashMap<>();
        List<NewReply> rest = new ArrayList<>();
        for (NewReply r : replies) {
            StoredText same = stored.get(r.keys().textKey());
            if (same != null && same.normalised().equals(r.keys().normalised())) {
                byGroup.computeIfAbsent(same.group(), g -> new ArrayList<>()).add(r);
            } else {
                rest.add(r);
            }
        }
        Set<Long> templates = templates(byGroup.keySet());
        for (var joining : byGroup.entrySet()) {
            boolean template = templates.contains(joining.getKey());
            insert(joining.getValue(), joining.getKey(), template);
            if (!template) {
                recount.add(joining.getKey());
            }
        }
        return rest;
    }

    private record StoredText(String normalised, long group) {
    }

    private void joinNearDuplicates(List<NewReply> replies) throws SQLException {
        if (replies.isEmpty()) {
            return;
        }
        List<Candidate> candidates = candidates(replies);
        Map<Long, Integer> groupNode = new HashMap<>();
        for (Candidate x : candidates) {
            groupNode.putIfAbsent(x.group(), replies.size() + groupNode.size());
        }
        TemplateGroups.UnionFind components = new TemplateGroups.UnionFind(replies.size() + groupNode.size());
        Map<Long, List<Item>> byKey = new HashMap<>();
        for (Candidate x : candidates) {
            index(byKey, new Item(groupNode.get(x.group()), x.normalised(), x.grams()), x.textKey(), x.prefix());
        }
        for (int k = 0; k < replies.size(); k++) {
            TemplateKeys r = replies.get(k).keys();
            Set<Item> tried = Collections.newSetFromMap(new IdentityHashMap<>());
            for (long key : keys(r.textKey(), r.prefix())) {
                for (Item y : byKey.getOrDefault(key, List.of())) {
                    if (components.find(y.node()) == components.find(k) || !tried.add(y)) {
                        continue;
                    }
                    boolean possible = TemplateKeys.sizesAllow(r.grams(), y.grams()) || r.normalised().equals(y.normalised());
                    if (possible && TemplateGroups.nearDuplicates(r.normalised(), y.normalised())) {
                        components.union(y.node(), k);
                    }
                }
            }
            index(byKey, new Item(k, r.normalised(), r.grams()), r.textKey(), r.prefix());
        }
        Map<Integer, List<NewReply>> newByComponent = new HashMap<>();
        for (int k = 0; k < replies.size(); k++) {
            newByComponent.computeIfAbsent(components.find(k), root -> new ArrayList<>()).add(replies.get(k));
        }
        Map<Integer, Set<Long>> groupsByComponent = new HashMap<>();
        groupNode.forEach((group, node) -> groupsByComponent.computeIfAbsent(components.find(node), root -> new HashSet<>()).add(group));
        Set<Long> templates = templates(groupNode.keySet());
        for (var component : newByComponent.entrySet()) {
            Set<Long> joined = groupsByComponent.getOrDefault(component.getKey(), Set.of());
            long target = joined.stream().filter(templates::contains).min(Long::compare)
                    .orElseGet(() -> joined.stream().min(Long::compare).orElse(-1L));
            boolean template = templates.contains(target);
            if (target < 0) {
                target = newGroup();
            }
            Set<Long> others = new HashSet<>(joined);
            others.remove(target);
            if (!others.isEmpty()) {
                try (PreparedStatement st = c.prepareStatement(VoiceSql.MERGE_GROUPS)) {
                    st.setLong(1, target);
                    st.setBoolean(2, template);
                    st.setArray(3, longs(others));
                    st.executeUpdate();
                }
            }
            insert(component.getValue(), target, template);
            if (!template) {
                recount.add(target);
            }
        }
    }

    /** Counts again the groups that grew without being templates already. */
    void recountJoined() throws SQLException {
        markTemplates();
    }

    private record Candidate(long id, long group, String normalised, int grams, long textKey, long[] prefix) {
    }

    /** A reply a new one may match: a stored one (its group's node) or a new one (its own). */
    private record Item(int node, String normalised, int grams) {
    }

    private List<Candidate> candidates(List<NewReply> replies) throws SQLException {
        Set<Long> prefixKeys = new HashSet<>();
        Set<Long> textKeys = new HashSet<>();
        for (NewReply r : replies) {
            textKeys.add(r.keys().textKey());
            for (long key : r.keys().prefix()) {
                prefixKeys.add(key);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(VoiceSql.CANDIDATES)) {
            st.setArray(1, longs(prefixKeys));
            st.setArray(2, longs(textKeys));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Long[] prefix = (Long[]) rs.getArray(6).getArray();
                    candidates.add(new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                            java.util.Arrays.stream(prefix).mapToLong(Long::longValue).toArray()));
                }
            }
        }
        return candidates;
    }

    private static void index(Map<Long, List<Item>> byKey, Item item, long textKey, long[] prefix) {
        for (long key : keys(textKey, prefix)) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
    }

    private static long[] keys(long textKey, long[] prefix) {
        long[] keys = java.util.Arrays.copyOf(prefix, prefix.length + 1);
        keys[prefix.length] = textKey;
        return keys;
    }

    private Set<Long> templates(Set<Long> groups) throws SQLException {
        Set<Long> templates = new HashSet<>();
        if (groups.isEmpty()) {
            return templates;
        }
        try (PreparedStatement st = c.prepareStatement(VoiceSql.GROUPS_CANNED)) {
            st.setArray(1, longs(groups));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    templates.add(rs.getLong(1));
                }
            }
        }
        return templates;
    }

    /** Through COPY: a bulk import's drain stores hundreds of thousands of replies, one INSERT each cost 3× more. */
    private void insert(List<NewReply> replies, Long group, boolean canned) throws SQLException {
        if (replies.isEmpty()) {
            return;
        }
        try (CopyStream copy = new CopyStream(c, VoiceSql.COPY_REPLIES)) {
            for (NewReply r : replies) {
                copy.write(r.id(), r.accountId(), r.createdAt(), r.parentAccount(), r.addressed(), r.keys().normalised(),
                        r.keys().textKey(), arrayLiteral(r.keys().prefix()), r.keys().grams(), group, canned);
            }
        } catch (IOException e) {
            throw new SQLException("could not store brand replies", e);
        }
    }

    private static String arrayLiteral(long[] values) {
        StringBuilder s = new StringBuilder("{");
        for (int k = 0; k < values.length; k++) {
            s.append(k == 0 ? "" : ",").append(values[k]);
        }
        return s.append('}').toString();
    }

    private void markTemplates() throws SQLException {
        if (!recount.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement(VoiceSql.MARK_TEMPLATES)) {
                st.setArray(1, longs(recount));
                st.executeUpdate();
            }
        }
        recount.clear();
    }

    private long newGroup() throws SQLException {
        try (PreparedStatement st = c.prepareStatement(VoiceSql.NEW_GROUP); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Array longs(java.util.Collection<Long> values) throws SQLException {
        return c.createArrayOf("bigint", values.toArray());
    }
}
