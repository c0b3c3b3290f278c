package rapport.metrics;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static rapport.Fixture.at;

/**
 * The per-day message counts behind brand posts, conversation ratio, amplification and applause (account_day, V65)
 * are kept by triggers on every write: after imports, a message moved to another day or account, a kind changed
 * an erasure and an account deleted, they are what counting the stored messages per local day gives.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountDaysTest implements FreshDatabase {

    private static final String STORED = """
            select account_id, day, posts, brand_messages, shares, reactions from account_day
            where (posts, brand_messages, shares, reactions) <> (0, 0, 0, 0) order by 1, 2""";

    private static final String RECOUNTED = """
            select account_id, (created_at at time zone (select zone from person_day_state))::date as day,
                   count(*) filter (where from_brand and in_reply_to is null),
                   count(*) filter (where from_brand and kind <> 'reaction'),
                   count(*) filter (where not from_brand and kind = 'share'),
                   count(*) filter (where not from_brand and kind = 'reaction')
            from message group by 1, 2 order by 1, 2""";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Database database;

    @Test
    void accountDays_areTheStoredMessagesCountedPerDay_afterMovesKindChangesAnErasureAndAnAccountDeleted() throws SQLException {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Days");
        String post = f.brand().posts(at("2026-01-05T08:00:00Z"), "news");
        f.person("p1").shares(post, at("2026-01-05T09:00:00Z"));
        f.person("p2").reacts(post, at("2026-01-05T09:30:00Z"));
        String ask = f.person("p1").mentions(at("2026-01-05T10:00:00Z"), "@Days where is my order");
        f.brand().replies(ask, at("2026-01-05T11:00:00Z"), "@p1 on its way");
        f.brand().reacts(ask, at("2026-01-05T11:05:00Z"));
        f.brand().posts(at("2026-01-06T23:30:00Z"), "late news");
        f.person("p2").shares(post, at("2026-01-07T12:00:00Z"));
        Fixture other = new Fixture("x", "DaysGone");
        other.brand().posts(at("2026-01-05T08:00:00Z"), "news elsewhere");
        other.brand().posts(at("2026-01-06T08:00:00Z"), "more news elsewhere");
        api.importFile("messages", f.csv());
        api.importFile("messages", other.csv());
        assertRecounted();

        api.importFile("messages", f.csv()
                .replace("2026-01-06T23:30:00Z", "2026-01-08T10:00:00Z")
                .replace(",share,2026-01-05T09:00:00Z", ",mention,2026-01-05T09:00:00Z")
                .replace("x,Days,Days-5,", "x,DaysOther,Days-5,"));
        assertRecounted();

        client.toBlocking().retrieve(HttpRequest.POST("/api/people/erasures", Map.of("network", "x", "author_id", "p2")));
        assertRecounted();

        client.toBlocking().exchange(HttpRequest.DELETE("/api/accounts/x/DaysGone?confirm=x/DaysGone"));
        assertRecounted();
    }

    private void assertRecounted() throws SQLException {
        List<String> recounted = rows(RECOUNTED);
        assertFalse(recounted.isEmpty());
        assertEquals(recounted, rows(STORED));
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getObject(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
                        + rs.getLong(5) + " " + rs.getLong(6));
            }
        }
        return rows;
    }
}
