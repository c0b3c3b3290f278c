package rapport.people;

import rapport.accounts.AccountDirectory;
import rapport.accounts.Scope;
import rapport.system.BadRequest;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A {@link PeopleQuery} checked and turned into SQL conditions over person_summary: fixed fragments chosen by
 * the parameters, their values bound, never written into the SQL.
 */
record PeopleSelection(String scope, List<String> conditions, List<Object> values, PeopleColumn sort, boolean descending,
                       String[] cursor, int limit) {

    /** A value bound at query time: the start of the table's last week (person_summary_state.period_start). */
    static final Object PERIOD_START = new Object();

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    enum Preset {
        ADVOCATES("tier = 1", PeopleColumn.ACTIVE_WEEKS, true),
        DRIFTING("tier_before in (1, 2) and tier in (3, 4)", PeopleColumn.LAST_SEEN, true),
        WAITING("waiting_since is not null", PeopleColumn.WAITING_SINCE, false),
        // in the terms of the first_active index, with the period's start bound as a value (PERIOD_START) so that
        // the planner sees how few rows it selects
        NEW("coalesce(first_active, 'infinity'::timestamptz) >= ? and coalesce(first_active, 'infinity'::timestamptz) < 'infinity'",
                PeopleColumn.FIRST_SEEN, true);

        final String condition;
        final PeopleColumn sort;
        final boolean descending;

        Preset(String condition, PeopleColumn sort, boolean descending) {
            this.condition = condition;
            this.sort = sort;
            this.descending = descending;
        }

        static Preset fromKey(String key) {
            for (Preset p : values()) {
                if (p.name().toLowerCase(Locale.ROOT).equals(key)) {
                    return p;
                }
            }
            throw new BadRequest("preset: unknown preset '" + key + "'; known: advocates, drifting, waiting, new");
        }
    }

    static PeopleSelection of(PeopleQuery q, AccountDirectory accounts, ZoneId zone, boolean paged) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        Scope scope = accounts.resolve(q.accounts());
        String scopeKey;
        if (scope.label().equals("all")) {
            scopeKey = "all";
        } else if (scope.accountIds().size() == 1) {
            scopeKey = scope.accountIds().get(0).toString();
        } else {
            throw new BadRequest("accounts: the people table shows one account or all of them (filter by network for several)");
        }
        conditions.add("scope = ?");
        values.add(scopeKey);
        if (present(q.network())) {
            conditions.add("network = ?");
            values.add(q.network().strip());
        }
        if (present(q.tier())) {
            List<Integer> codes = new ArrayList<>();
            for (String t : q.tier().split(",")) {
                if (!t.isBlank()) {
                    codes.add(Tier.fromKey(t.strip()).code);
                }
            }
            conditions.add("tier = any(?)");
            values.add(codes.toArray(Integer[]::new));
        }
        if (present(q.activeSince())) {
            try {
                conditions.add("last_seen >= ?");
                values.add(Timestamp.from(LocalDate.parse(q.activeSince().strip()).atStartOfDay(zone).toInstant()));
            } catch (DateTimeParseException e) {
                throw new BadRequest("activeSince: '" + q.activeSince() + "' is not a date (YYYY-MM-DD)");
            }
        }
        if (present(q.q())) {
            conditions.add("lower(handle) like ? escape '\\'");
            values.add("%" + q.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        PeopleColumn sort = PeopleColumn.LAST_SEEN;
        boolean descending = true;
        if (present(q.preset())) {
            Preset preset = Preset.fromKey(q.preset().strip());
            conditions.add(preset.condition);
            if (preset == Preset.NEW) {
                values.add(PERIOD_START);
            }
            sort = preset.sort;
            descending = preset.descending;
        }
        if (present(q.sort())) {
            sort = PeopleColumn.fromKey(q.sort().strip());
        }
        if (present(q.dir())) {
            descending = switch (q.dir().strip()) {
                case "asc" -> false;
                case "desc" -> true;
                default -> throw new BadRequest("dir: must be asc or desc, not '" + q.dir() + "'");
            };
        }
        int limit = q.limit() == null ? DEFAULT_LIMIT : q.limit();
        if (paged && (limit < 1 || limit > MAX_LIMIT)) {
            throw new BadRequest("limit: must be between 1 and " + MAX_LIMIT);
        }
        return new PeopleSelection(scopeKey, conditions, values, sort, descending,
                paged && present(q.after()) ? decode(q.after()) : null, limit);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The next page starts after this row: its sort value (as text) and person id. */
    static String encode(String sortValue, long personId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((sortValue + "\n" + personId).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int cut = text.lastIndexOf('\n');
            Long.parseLong(text.substring(cut + 1));
            return new String[]{text.substring(0, cut), text.substring(cut + 1)};
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new BadRequest("after: not a cursor of this table (use the `next` of the previous page)");
        }
    }
}
