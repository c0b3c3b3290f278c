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
import rapport.metrics.Metric;
import rapport.metrics.MetricPoint;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rapport.Fixture.at;

/**
 * The brand-voice facts follow imports, erasures and settings (METRICS.md §4, template groups and promotional
 * messages), and a read right after the change sees it. Each test on its own account; 2026-01-05 and
 * 2026-01-12 are Mondays.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceFactsIncrementalTest implements FreshDatabase {

    /** After "@user ": 14 words, 12 word 3-grams. */
    static final String SHORT = "we are so sorry about the delay with your order please dm us";
    /** SHORT and two words more: 14 grams, Jaccard 12/14 with SHORT and 14/16 with LONG. */
    static final String BRIDGE = SHORT + " right away";
    /** BRIDGE and two words more: 16 grams, Jaccard 12/16 < 0.8 with SHORT. */
    static final String LONG = BRIDGE + " if possible";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    VoiceFamilies voice;

    @Inject
    Database database;

    @Inject
    RapportSettings settings;

    @Inject
    VoiceFactsRefresher refresher;

    @Test
    void cannedReplies_aGroupReachingThreePersonsOnImportMakesAnEarlierWeeksRepliesCanned() throws SQLException {
        Fixture f = new Fixture("x", "Threshold");
        answer(f, "p1", "2026-01-06", SHORT);
        answer(f, "p2", "2026-01-06", SHORT);
        api().importFile("messages", f.csv());
        assertEquals(new MetricPoint(monday(5), monday(12), 0.0, 2L), canned("Threshold", monday(5)),
                "two persons: not yet a template");

        Fixture later = new Fixture("x", "Threshold");
        answer(later, "p3", "2026-01-13", SHORT);
        api().importFile("messages", later.csv().replace("Threshold-", "Threshold-later-"));

        assertEquals(new MetricPoint(monday(5), monday(12), 1.0, 2L), canned("Threshold", monday(5)),
                "three replies to three persons: last week's replies are canned too");
        assertEquals(new MetricPoint(monday(5), monday(12), 0.0, 2L),
                voice.compute(List.of(account("Threshold")), Grain.WEEK, List.of(week(5))).get(Metric.PERSONALIZATION_SCORE).get(0));
    }

    @Test
    void templateGroups_aBridgingReplyMergesTwoGroupsIntoATemplate() throws SQLException {
        Fixture f = new Fixture("x", "Bridge");
        answer(f, "p1", "2026-01-06", SHORT);
        answer(f, "p2", "2026-01-06", SHORT);
        answer(f, "p3", "2026-01-07", LONG);
        api().importFile("messages", f.csv());
        assertEquals(2L, groups("Bridge"), "SHORT and LONG are not near-duplicates");
        assertEquals(0.0, canned("Bridge", monday(5)).value());

        Fixture bridge = new Fixture("x", "Bridge");
        answer(bridge, "p1", "2026-01-14", BRIDGE);
        api().importFile("messages", bridge.csv().replace("Bridge-", "Bridge-later-"));

        assertEquals(1L, groups("Bridge"), "BRIDGE is a near-duplicate of both");
        assertEquals(1.0, canned("Bridge", monday(5)).value(), "four replies to three persons: a template");
        assertEquals(1.0, canned("Bridge", monday(12)).value());
    }

    @Test
    void templateGroups_anErasureThatRemovesTheBridgeSplitsTheGroup() throws SQLException {
        Fixture f = new Fixture("x", "Split");
        answer(f, "p1", "2026-01-06", SHORT);
        answer(f, "p4", "2026-01-06", SHORT);
        answer(f, "p2", "2026-01-06", BRIDGE);
        answer(f, "p3", "2026-01-07", LONG);
        api().importFile("messages", f.csv());
        assertEquals(1L, groups("Split"));
        assertEquals(new MetricPoint(monday(5), monday(12), 1.0, 4L), canned("Split", monday(5)));

        client.toBlocking().retrieve(HttpRequest.POST("/api/people/erasures", Map.of("network", "x", "author_id", "p2")));

        assertEquals(2L, groups("Split"), "without the bridge, SHORT and LONG part");
        assertEquals(new MetricPoint(monday(5), monday(12), 0.0, 3L), canned("Split", monday(5)),
                "the reply to p2 lost its parent; the rest address two and one persons");
    }

    @Test
    void promotionalShare_followsAChangeOfTheAccountsPhrases() throws SQLException {
        Fixture f = new Fixture("x", "Promo");
        f.brand().posts(at("2026-01-06T10:00:00Z"), "Big news today");
        f.brand().posts(at("2026-01-06T11:00:00Z"), "Shop the sale");
        f.brand().posts(at("2026-01-07T10:00:00Z"), "Hello, Tuesday");
        api().importFile("messages", f.csv());
        assertEquals(1.0 / 3, promotional("Promo").value(), "default phrases: shop, sale");

        try (Connection c = database.connection();
             PreparedStatement st = c.prepareStatement("update account set promo_phrases = array['news', 'hello'] where handle = 'Promo'")) {
            st.executeUpdate();
        }

        assertEquals(new MetricPoint(monday(5), monday(12), 2.0 / 3, 3L), promotional("Promo"));
    }

    /**
     * A drain reads the queue in id order from where its last chunk ended; a writer that committed after later
     * ids were drained left a lower id behind, which the next drain must still derive.
     */
    @Test
    void promotionalShare_aMessageQueuedByALateCommitIsDerivedByTheNextDrain() throws SQLException {
        Fixture f = new Fixture("x", "LateQueue");
        f.brand().posts(at("2026-01-06T09:00:00Z"), "big sale today");
        f.brand().posts(at("2026-01-07T09:00:00Z"), "thanks everyone");
        api().importFile("messages", f.csv());
        int account = account("LateQueue");
        assertEquals(new MetricPoint(monday(5), monday(12), 0.5, 2L), promotional("LateQueue"));
        execute("delete from brand_post where account_id = ?", account);

        try (Connection late = database.connection()) {
            late.setAutoCommit(false);
            queue(late, account, "big sale today");
            try (Connection early = database.connection()) {
                queue(early, account, "thanks everyone");
            }
            refresher.drain();
            assertEquals(1, number("select count(*) from brand_post where account_id = ?", account),
                    "the committed row is derived");
            late.commit();
        }
        refresher.drain();
        assertEquals(new MetricPoint(monday(5), monday(12), 0.5, 2L), promotional("LateQueue"));
    }

    private static void queue(Connection c, int account, String text) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into voice_pending (account_id, message_id)
                select account_id, id from message where account_id = ? and text = ?""")) {
            st.setInt(1, account);
            st.setString(2, text);
            assertEquals(1, st.executeUpdate());
        }
    }

    private void execute(String sql, int account) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setInt(1, account);
            st.executeUpdate();
        }
    }

    private RapportApi api() {
        return new RapportApi(client);
    }

    private static void answer(Fixture f, String person, String day, String text) {
        String ask = f.person(person).mentions(at(day + "T09:00:00Z"), "@brand help");
        f.brand().replies(ask, at(day + "T10:00:00Z"), "@" + person + " " + text);
    }

    private static LocalDate monday(int januaryDay) {
        return LocalDate.of(2026, 1, januaryDay);
    }

    private Period week(int januaryDay) {
        return Period.of(monday(januaryDay), monday(januaryDay).plusWeeks(1), settings.zone());
    }

    private MetricPoint canned(String handle, LocalDate monday) throws SQLException {
        return voice.compute(List.of(account(handle)), Grain.WEEK, List.of(week(monday.getDayOfMonth())))
                .get(Metric.CANNED_REPLY_SHARE).get(0);
    }

    private MetricPoint promotional(String handle) throws SQLException {
        return voice.compute(List.of(account(handle)), Grain.WEEK, List.of(week(5))).get(Metric.PROMOTIONAL_SHARE).get(0);
    }

    private long groups(String handle) throws SQLException {
        voice.compute(List.of(account(handle)), Grain.WEEK, List.of(week(5)));
        return number("select count(distinct group_id) from brand_reply where account_id = ?", account(handle));
    }

    private int account(String handle) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement("select id from account where handle = ?")) {
            st.setString(1, handle);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private long number(String query, int account) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(query)) {
            st.setInt(1, account);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
