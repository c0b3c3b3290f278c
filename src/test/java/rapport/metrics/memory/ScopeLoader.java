package rapport.metrics.memory;

import jakarta.inject.Singleton;
import rapport.metrics.voice.PromotionalMessages;
import rapport.system.Database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads everything one scope's metrics need in one pass over its accounts' messages. */
@Singleton
class ScopeLoader {

    private final Database database;

    ScopeLoader(Database database) {
        this.database = database;
    }

    ScopeData load(List<Integer> accountIds) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            List<ScopeAccount> accounts = accounts(c, accountIds);
            ScopeData data = messages(c, accountIds, accounts);
            c.commit();
            return data;
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the scope's messages", e);
        }
    }

    private List<ScopeAccount> accounts(Connection c, List<Integer> accountIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ScopeSql.SCOPE_ACCOUNTS)) {
            st.setArray(1, c.createArrayOf("text", PromotionalMessages.DEFAULT_PHRASES.toArray()));
            st.setArray(2, c.createArrayOf("integer", accountIds.toArray()));
            List<ScopeAccount> accounts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    accounts.add(new ScopeAccount(rs.getInt(1), rs.getString(2), rs.getString(3),
                            strings(rs.getArray(4)), strings(rs.getArray(5))));
                }
            }
            return accounts;
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private ScopeData messages(Connection c, List<Integer> accountIds, List<ScopeAccount> accounts) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(ScopeSql.SCOPE_MESSAGES)) {
            st.setFetchSize(50_000);
            st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long personId = rs.getLong(4);
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.wasNull() ? -1 : personId,
                            rs.getBoolean(5), MessageKind.of(rs.getString(6)),
                            rs.getLong(7),
                            rs.getLong(8), rs.getBoolean(9), rs.getString(10)));
                }
            }
        }
        // PostgreSQL already sorted them; Java's text order can differ from the database's only outside the
        // Basic Multilingual Plane, so check in one pass and sort only if it does
        Comparator<Row> order = Comparator.comparingLong(Row::createdMicros).thenComparing(Row::messageId);
        for (int i = 1; i < rows.size(); i++) {
            if (order.compare(rows.get(i - 1), rows.get(i)) > 0) {
                rows.sort(order);
                break;
            }
        }
        return toArrays(rows, accounts);
    }

    private static ScopeData toArrays(List<Row> rows, List<ScopeAccount> accounts) {
        int n = rows.size();
        String[] messageId = new String[n];
        int[] accountId = new int[n];
        int[] person = new int[n];
        boolean[] fromBrand = new boolean[n];
        MessageKind[] kind = new MessageKind[n];
        long[] created = new long[n];
        int[] parent = new int[n];
        boolean[] hasReplyTo = new boolean[n];
        String[] text = new String[n];
        Map<Long, Integer> personIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            messageId[i] = r.messageId;
            accountId[i] = r.accountId;
            fromBrand[i] = r.fromBrand;
            person[i] = r.fromBrand ? -1 : personIndex.computeIfAbsent(r.personId, k -> personIndex.size());
            kind[i] = r.kind;
            created[i] = r.createdMicros;
            hasReplyTo[i] = r.hasReplyTo;
            text[i] = r.text;
        }
        // database id → index, by binary search over the ids sorted once
        long[] ids = new long[n];
        int[] indexOfSorted = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong(i -> rows.get(i).id));
        for (int k = 0; k < n; k++) {
            ids[k] = rows.get(order[k]).id;
            indexOfSorted[k] = order[k];
        }
        for (int i = 0; i < n; i++) {
            long parentId = rows.get(i).parentId;
            int k = parentId == 0 ? -1 : java.util.Arrays.binarySearch(ids, parentId);
            parent[i] = k < 0 ? -1 : indexOfSorted[k];
        }
        return new ScopeData(n, messageId, accountId, person, fromBrand, kind, created, parent, hasReplyTo, text,
                personIndex, accounts);
    }

    private record Row(long id, String messageId, int accountId, long personId, boolean fromBrand, MessageKind kind,
                       long createdMicros, long parentId, boolean hasReplyTo, String text) {
    }
}
