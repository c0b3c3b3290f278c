package rapport.accounts;

import jakarta.inject.Singleton;
import rapport.system.BadRequest;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The accounts in the data, and the translation of {@code accounts=network/handle,…} into them. */
@Singleton
public class AccountDirectory {

    private static final String LIST = """
            select a.id, a.network, a.handle, min(m.created_at), max(m.created_at), count(m.id)
            from account a left join message m on m.account_id = a.id
            group by a.id order by a.network, a.handle""";

    private final Database database;

    AccountDirectory(Database database) {
        this.database = database;
    }

    public List<AccountSummary> list() {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(LIST);
             ResultSet rs = st.executeQuery()) {
            List<AccountSummary> accounts = new ArrayList<>();
            while (rs.next()) {
                accounts.add(new AccountSummary(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(2) + "/" + rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), rs.getLong(6)));
            }
            return accounts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The accounts a request names ({@code network/handle}, comma-separated), or every account when it
     * names none. Unknown names are a 400 that lists them.
     */
    public Scope resolve(String accounts) {
        List<AccountSummary> all = list();
        if (accounts == null || accounts.isBlank() || accounts.strip().equals("all")) {
            return new Scope("all", all.stream().map(AccountSummary::id).sorted().toList());
        }
        Map<String, AccountSummary> byKey = all.stream().collect(Collectors.toMap(AccountSummary::key, Function.identity()));
        Set<String> keys = new LinkedHashSet<>();
        for (String key : accounts.split(",")) {
            if (!key.isBlank()) {
                keys.add(key.strip());
            }
        }
        List<String> unknown = keys.stream().filter(k -> !byKey.containsKey(k)).toList();
        if (!unknown.isEmpty()) {
            throw new BadRequest("accounts: unknown account(s) " + String.join(", ", unknown)
                    + " (write network/handle, e.g. " + (all.isEmpty() ? "x/AcmeSupport" : all.get(0).key()) + ")");
        }
        return new Scope(String.join("+", keys), keys.stream().map(k -> byKey.get(k).id()).sorted().distinct().toList());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
