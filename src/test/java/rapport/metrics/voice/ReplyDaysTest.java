package rapport.metrics.voice;

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
import rapport.system.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rapport.Fixture.at;

/**
 * canned_reply_share's per-day counts (reply_day, V67) are kept by triggers on the brand-voice facts: after a
 * template group reaches three persons (earlier replies turn canned), a reply moved to another day, a bridge merging
 * two groups, an erasure splitting them and an account deleted, they are what counting the grouped replies per
 * local day gives.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplyDaysTest implements FreshDatabase {

    private static final String STORED = """
            select account_id, day, replies, canned from reply_day where (replies, canned) <> (0, 0) order by 1, 2""";

    private static final String RECOUNTED = """
            select account_id, (created_at at time zone (select zone from person_day_state))::date as day,
                   count(*), count(*) filter (where canned)
            from brand_reply where group_id is not null group by 1, 2 order by 1, 2""";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Database database;

    @Inject
    VoiceFactsRefresher refresher;

    @Test
    void replyDays_areTheGroupedRepliesCountedPerDay_afterTemplatesMovesMergesAnErasureAndAnAccountDeleted() throws SQLException {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "ReplyDays");
        answer(f, "p1", "2026-01-05", VoiceFactsIncrementalTest.SHORT);
        answer(f, "p2", "2026-01-06", VoiceFactsIncrementalTest.SHORT);
        answer(f, "p3", "2026-01-07", VoiceFactsIncrementalTest.LONG);
        Fixture gone = new Fixture("x", "ReplyDaysGone");
        answer(gone, "p1", "2026-01-05", "thanks we are on it");
        api.importFile("messages", f.csv());
        api.importFile("messages", gone.csv());
        assertRecounted(0);

        Fixture third = new Fixture("x", "ReplyDays");
        answer(third, "p4", "2026-01-12", VoiceFactsIncrementalTest.SHORT);
        api.importFile("messages", third.csv().replace("ReplyDays-", "ReplyDays-third-"));
        assertRecounted(3);

        Fixture bridge = new Fixture("x", "ReplyDays");
        answer(bridge, "p5", "2026-01-13", VoiceFactsIncrementalTest.BRIDGE);
        api.importFile("messages", bridge.csv().replace("ReplyDays-", "ReplyDays-bridge-"));
        api.importFile("messages", f.csv().replace("2026-01-06T10:00:00Z", "2026-01-08T10:00:00Z"));
        assertRecounted(5);

        client.toBlocking().retrieve(HttpRequest.POST("/api/people/erasures", Map.of("network", "x", "author_id", "p5")));
        assertRecounted(3);

        client.toBlocking().exchange(HttpRequest.DELETE("/api/accounts/x/ReplyDaysGone?confirm=x/ReplyDaysGone"));
        assertRecounted(3);
    }

    private static void answer(Fixture f, String person, String day, String text) {
        String ask = f.person(person).mentions(at(day + "T09:00:00Z"), "@brand help");
        f.brand().replies(ask, at(day + "T10:00:00Z"), "@" + person + " " + text);
    }

    /** The kept days equal the recount, and the account's canned replies number as expected. */
    private void assertRecounted(long canned) throws SQLException {
        refresher.drain();
        List<String> recounted = rows(RECOUNTED);
        assertFalse(recounted.isEmpty());
        assertEquals(recounted, rows(STORED));
        assertEquals(canned, cannedOf("ReplyDays"));
    }

    private long cannedOf(String handle) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(
                "select coalesce(sum(d.canned), 0) from reply_day d join account a on a.id = d.account_id where a.handle = ?")) {
            st.setString(1, handle);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getObject(2) + " " + rs.getLong(3) + " " + rs.getLong(4));
            }
        }
        return rows;
    }
}
