package rapport.people;

import rapport.system.BadRequest;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The people table's sortable columns: the key used in the URL, the CSV and the JSON, and the SQL sort key,
 * which is exactly the expression of its index in V30 (nulls sort as the largest value) and the database type
 * a keyset cursor's value is read back as.
 */
enum PeopleColumn {
    NETWORK("network", "network", "text"),
    HANDLE("handle", "lower(handle)", "text"),
    AUTHOR_ID("author_id", "author_id", "text"),
    ACCOUNTS("accounts", "accounts", "text"),
    FIRST_SEEN("first_seen", "first_seen", "timestamptz"),
    LAST_SEEN("last_seen", "last_seen", "timestamptz"),
    ACTIVE_WEEKS("active_weeks", "active_weeks", "int"),
    MESSAGES("messages", "messages", "bigint"),
    CONVERSATIONS("conversations", "conversations", "bigint"),
    INBOUND_TURNS("inbound_turns", "inbound_turns", "bigint"),
    ANSWERED_TURNS("answered_turns", "answered_turns", "bigint"),
    MEDIAN_RESPONSE_MINUTES("median_response_minutes", "coalesce(median_response_minutes, 'Infinity'::float8)", "float8"),
    AMPLIFICATIONS("amplifications", "amplifications", "bigint"),
    REACTIONS("reactions", "reactions", "bigint"),
    TIER("tier", "tier", "smallint"),
    TIER_90_DAYS_AGO("tier_90_days_ago", "tier_before", "smallint"),
    LATEST_NPS("latest_nps", "coalesce(latest_nps, -1)", "int"),
    WAITING_SINCE("waiting_since", "coalesce(waiting_since, 'infinity'::timestamptz)", "timestamptz");

    final String key;
    final String sortKey;
    final String type;

    PeopleColumn(String key, String sortKey, String type) {
        this.key = key;
        this.sortKey = sortKey;
        this.type = type;
    }

    static PeopleColumn fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst()
                .orElseThrow(() -> new BadRequest("sort: unknown column '" + key + "'; known: "
                        + Arrays.stream(values()).map(c -> c.key).collect(Collectors.joining(", "))));
    }
}
