package rapport.people;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import rapport.accounts.Scope;
import rapport.metrics.relationships.RelationshipViews;
import rapport.system.BadRequest;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one person's profile from one snapshot. */
@Singleton
class PersonProfiles {

    /** The latest threads shown; older ones are in the exports. */
    static final int THREADS = 100;
    /** Weeks of tier history, ending at the table's as_of. */
    static final int WEEKS = 26;

    private final Database database;
    private final PeopleQueries people;
    private final RelationshipViews views;
    private final ZoneId zone;

    PersonProfiles(Database database, PeopleQueries people, RelationshipViews views, RapportSettings settings) {
        this.database = database;
        this.people = people;
        this.views = views;
        this.zone = settings.zone();
    }

    PersonProfile profile(String network, String authorId, PeopleSelection scope) {
        if (network == null || network.isBlank() || authorId == null || authorId.isBlank()) {
            throw new BadRequest("network, author_id: both name the person");
        }
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            long personId;
            String handle;
            try (PreparedStatement st = c.prepareStatement(PersonProfileSql.PERSON)) {
                st.setString(1, network);
                st.setString(2, authorId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new HttpStatusException(HttpStatus.NOT_FOUND, "no person " + network + "/" + authorId);
                    }
                    personId = rs.getLong(1);
                    handle = rs.getString(4);
                }
            }
            List<Integer> accountIds = accounts(c, personId, scope);
            PersonRow totals = people.row(c, scope.scope(), personId);
            Instant asOf = people.asOf(c);
            Set<String> canned = accountIds.isEmpty() ? Set.of() : views.cannedReplies(new Scope("profile", accountIds));
            PersonProfile profile = new PersonProfile(network, authorId, handle, scope.scope(), asOf, totals,
                    threads(c, personId, accountIds, canned), tierHistory(c, personId, accountIds, asOf), surveys(c, network, authorId));
            c.commit();
            return profile;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person's accounts within the scope. */
    private static List<Integer> accounts(Connection c, long personId, PeopleSelection scope) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(PersonProfileSql.PERSON_ACCOUNTS)) {
            st.setLong(1, personId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    if (scope.scope().equals("all") || scope.scope().equals(String.valueOf(id))) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    private static List<PersonProfile.Thread> threads(Connection c, long personId, List<Integer> accountIds, Set<String> canned) throws SQLException {
        Map<Long, PersonProfile.Thread> threads = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(PersonProfileSql.THREADS)) {
            st.setLong(1, personId);
            st.setArray(2, c.createArrayOf("int4", accountIds.toArray()));
            st.setInt(3, THREADS);
            st.setLong(4, personId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    double minutes = rs.getDouble(11);
                    Double response = rs.wasNull() ? null : minutes;
                    boolean fromBrand = rs.getBoolean(5);
                    PersonProfile.Message message = new PersonProfile.Message(rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getString(4), rs.getString(9), fromBrand, rs.getBoolean(6), rs.getString(7), rs.getString(8),
                            rs.getBoolean(10), response, fromBrand && canned.contains(rs.getString(2)));
                    threads.computeIfAbsent(rs.getLong(1), root -> new PersonProfile.Thread(message.messageId(), new ArrayList<>()))
                            .messages().add(message);
                }
            }
        }
        return new ArrayList<>(threads.values());
    }

    private List<PersonProfile.WeekTier> tierHistory(Connection c, long personId, List<Integer> accountIds, Instant asOf) throws SQLException {
        List<PersonProfile.WeekTier> history = new ArrayList<>();
        if (asOf == null) {
            return history;
        }
        LocalDate end = asOf.atZone(zone).toLocalDate();
        Timestamp[] ends = new Timestamp[WEEKS];
        Timestamp[] starts = new Timestamp[WEEKS];
        for (int k = 0; k < WEEKS; k++) {
            LocalDate weekEnd = end.minusWeeks(WEEKS - 1 - k);
            ends[k] = Timestamp.from(weekEnd.atStartOfDay(zone).toInstant());
            starts[k] = Timestamp.from(weekEnd.minusDays(90).atStartOfDay(zone).toInstant());
        }
        Map<Instant, String> tiers = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(PersonProfileSql.TIER_HISTORY)) {
            st.setString(1, zone.getId());
            st.setArray(2, c.createArrayOf("timestamptz", ends));
            st.setArray(3, c.createArrayOf("timestamptz", starts));
            st.setLong(4, personId);
            st.setArray(5, c.createArrayOf("int4", accountIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tiers.put(rs.getTimestamp(1).toInstant(), Tier.ofCode(rs.getInt(2)).key());
                }
            }
        }
        for (Timestamp weekEnd : ends) {
            history.add(new PersonProfile.WeekTier(weekEnd.toInstant(), tiers.getOrDefault(weekEnd.toInstant(), Tier.NONE.key())));
        }
        return history;
    }

    private static List<PersonProfile.SurveyAnswer> surveys(Connection c, String network, String authorId) throws SQLException {
        List<PersonProfile.SurveyAnswer> answers = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(PersonProfileSql.SURVEYS)) {
            st.setString(1, network);
            st.setString(2, authorId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    answers.add(new PersonProfile.SurveyAnswer(rs.getObject(1, LocalDate.class), rs.getInt(2)));
                }
            }
        }
        return answers;
    }
}
