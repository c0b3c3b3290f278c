package rapport.people;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.Fixture;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.TestDatabase;
import rapport.demo.DemoDataGenerator;
import rapport.system.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: after a change to one account, the incremental refresh (only that account's rows and the all-accounts
 * rows of its persons) leaves the table equal to a full recomputation: on the twcs slice and on the demo brand,
 * after an import into one account, a re-import with changed rows, and an erasure. The background refresh is off:
 * the test runs each refresh itself.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalRefreshTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PersonSummaryRefresher refresher;

    @Inject
    Database database;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh());
        properties.put("rapport.people.background", "false");
        return properties;
    }

    /** A person's message in some account, a day or more before the latest message: changes near it keep the as-of week. */
    private record Target(String network, String handle, int accountId, String authorId, String messageId, Instant at) {
    }

    @Test
    void anIncrementalRefreshEqualsAFullRecomputation() throws Exception {
        RapportApi api = new RapportApi(client);
        api.importFile("twcs", Files.readString(Path.of("src/test/resources/twcs/twcs-sample.csv")));
        assertEquals(PersonSummaryRefresher.Kind.FULL, refresher.refresh(Set.of(1)), "never computed: full");
        changeOneAccountAndCompare(api);

        DemoDataGenerator.DemoFiles demo = new DemoDataGenerator(2026, Instant.parse("2026-03-25T12:00:00Z")).generate();
        api.importFile("messages", demo.messages());
        assertEquals(PersonSummaryRefresher.Kind.FULL, refresher.refresh(accountsOfLatestMessage()), "the as-of week moved: full");
        changeOneAccountAndCompare(api);
    }

    private void changeOneAccountAndCompare(RapportApi api) throws SQLException {
        Target t = target();
        List<String> before = rows();
        // and under a new handle, which their rows of every scope show
        String renamed = String.join(",", t.network(), t.handle(), "renamed-" + t.messageId(), t.authorId(),
                "renamed-" + t.authorId(), "false", "reaction", t.at().plusSeconds(300).toString(), t.messageId(), "") + "\n";
        api.importFile("messages", followUp(t, 20, "sorry for the wait").csv() + renamed);
        assertIncrementalEqualsFull(Set.of(t.accountId()), before);
        // the same messages again, the brand's answer later and reworded: changed rows
        before = rows();
        api.importFile("messages", followUp(t, 300, "we are on it").csv());
        assertIncrementalEqualsFull(Set.of(t.accountId()), before);

        List<Integer> accounts = accountsOf(t.authorId());
        before = rows();
        client.toBlocking().exchange(HttpRequest.POST("/api/people/erasures", Map.of("network", t.network(), "author_id", t.authorId())));
        assertIncrementalEqualsFull(accounts, before);
    }

    /** The person writes again in the thread, a newcomer asks, shares and reacts; the brand answers both. */
    private static Fixture followUp(Target t, long answerMinutes, String answer) {
        Fixture f = new Fixture(t.network(), t.handle());
        String again = f.person(t.authorId()).replies(t.messageId(), t.at().plusSeconds(60), "any news?");
        f.brand().replies(again, t.at().plusSeconds(answerMinutes * 60), answer);
        String newcomer = f.person("newcomer-" + t.handle()).mentions(t.at().plusSeconds(120), "hello @" + t.handle());
        f.person("newcomer-" + t.handle()).shares(newcomer, t.at().plusSeconds(180));
        f.person(t.authorId()).reacts(newcomer, t.at().plusSeconds(240));
        f.brand().replies(newcomer, t.at().plusSeconds(answerMinutes * 60 + 60), answer);
        return f;
    }

    /** {@code before}: the table before the change. */
    private void assertIncrementalEqualsFull(Collection<Integer> accounts, List<String> before) throws SQLException {
        assertFalse(refresher.notYetComputed(accounts).isEmpty(), "changed data is not taken for computed");
        assertEquals(PersonSummaryRefresher.Kind.INCREMENTAL, refresher.refresh(accounts));
        assertTrue(refresher.notYetComputed(accounts).isEmpty(),
                "the same change heard again (the import's event, then its database notification) runs nothing");
        List<String> incremental = rows();
        assertNotEquals(firstDifference(before, incremental), "none", "the change shows in the table");
        assertEquals(PersonSummaryRefresher.Kind.FULL, refresher.refresh());
        assertEquals("none", firstDifference(rows(), incremental), "incremental refresh of " + accounts);
    }

    /** The first row where a full recomputation and the incremental refresh differ, short enough to read. */
    private static String firstDifference(List<String> full, List<String> incremental) {
        for (int i = 0; i < Math.max(full.size(), incremental.size()); i++) {
            String a = i < full.size() ? full.get(i) : "(no row)";
            String b = i < incremental.size() ? incremental.get(i) : "(no row)";
            if (!a.equals(b)) {
                return "row " + i + ": full " + a + " / incremental " + b;
            }
        }
        return "none";
    }

    private List<String> rows() throws SQLException {
        return strings("select s::text from person_summary s order by scope, person_id");
    }

    private Target target() throws SQLException {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement("""
                select a.network, a.handle, a.id, p.author_id, m.message_id, m.created_at
                from message m join account a on a.id = m.account_id join person p on p.id = m.person_id
                where not m.from_brand and m.created_at < (select max(created_at) - interval '1 day' from message)
                order by m.created_at desc, m.id limit 1""");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return new Target(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                    rs.getTimestamp(6).toInstant());
        }
    }

    private List<Integer> accountsOf(String authorId) throws SQLException {
        return strings("select distinct m.account_id::text from message m join person p on p.id = m.person_id where p.author_id = ?", authorId)
                .stream().map(Integer::valueOf).toList();
    }

    private List<Integer> accountsOfLatestMessage() throws SQLException {
        return strings("select account_id::text from message order by created_at desc limit 1").stream().map(Integer::valueOf).toList();
    }

    private List<String> strings(String sql, String... parameters) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setString(i + 1, parameters[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
