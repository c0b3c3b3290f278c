package rapport.metrics.voice;

import rapport.metrics.period.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rare path of canned replies: in a scope of several accounts, an account's replies to persons' messages
 * of another account of the scope are brand replies there (not in the account alone) and join its template
 * groups. For such an account, its groups in this scope are computed here, in memory, over its brand replies
 * in the scope, exactly as the tests' in-memory reference engine does; every other account's kept groups hold
 * as they are.
 */
final class CrossAccountTemplates {

    private CrossAccountTemplates() {
    }

    /** Accounts of the scope replying to persons' messages of another account of it. */
    static List<Integer> accounts(Connection c, List<Integer> scope) throws SQLException {
        List<Integer> accounts = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(VoiceSql.CROSS_REPLYING_ACCOUNTS)) {
            st.setArray(1, c.createArrayOf("integer", scope.toArray()));
            st.setArray(2, c.createArrayOf("integer", scope.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    accounts.add(rs.getInt(1));
                }
            }
        }
        return accounts;
    }

    /** A brand reply of an account in a scope, canned or not by the account's groups in that scope. */
    record ScopeReply(long messageId, long createdMicros, boolean canned) {
    }

    /** The account's brand replies in the scope: its own and those to other accounts' messages of the scope. */
    static List<ScopeReply> replies(Connection c, int account, List<Integer> scope) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Long> addressed = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(VoiceSql.SCOPE_REPLIES_OF_ACCOUNT)) {
            st.setInt(1, account);
            st.setArray(2, c.createArrayOf("integer", scope.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    created.add(rs.getLong(2));
                    texts.add(rs.getString(3));
                    addressed.add(rs.getLong(4));
                }
            }
        }
        boolean[] canned = TemplateGroups.templates(TemplateGroups.groups(texts),
                addressed.stream().mapToLong(Long::longValue).toArray());
        List<ScopeReply> replies = new ArrayList<>(canned.length);
        for (int k = 0; k < canned.length; k++) {
            replies.add(new ScopeReply(ids.get(k), created.get(k), canned[k]));
        }
        return replies;
    }

    /** Adds the account's brand replies in the scope, and the canned ones, to the counts of their periods (sorted, disjoint). */
    static void count(Connection c, int account, List<Integer> scope, List<Period> periods, VoiceFamilies.PeriodCounts counts)
            throws SQLException {
        long[] starts = periods.stream().mapToLong(Period::startMicros).toArray();
        for (ScopeReply reply : replies(c, account, scope)) {
            int i = java.util.Arrays.binarySearch(starts, reply.createdMicros());
            i = i >= 0 ? i : -i - 2;
            if (i >= 0 && reply.createdMicros() < periods.get(i).endMicros()) {
                counts.all[i]++;
                if (reply.canned()) {
                    counts.selected[i]++;
                }
            }
        }
    }
}
