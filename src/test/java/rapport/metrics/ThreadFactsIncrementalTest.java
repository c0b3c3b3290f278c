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
import rapport.metrics.conversation.ConversationFamilies;
import rapport.metrics.memory.InMemoryEngine;
import rapport.metrics.memory.InMemoryViews;
import rapport.metrics.memory.ReferenceFacts;
import rapport.metrics.memory.ScopeFacts;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.metrics.rollup.RollupRefresher;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static rapport.Fixture.at;

/**
 * The thread facts follow every write that changes a thread, in the writer's transaction: after each import,
 * re-import, erasure or account deletion below, the SQL figures equal the in-memory engine's for every period,
 * and read as METRICS.md says. Each test on accounts of its own. Weeks: 2026-01-05 and 2026-01-12 are Mondays.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreadFactsIncrementalTest implements FreshDatabase {

    private static final String HEADER = "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ReferenceFacts facts;

    @Inject
    RollupRefresher refresher;

    @Inject
    ConversationFamilies families;

    @Inject
    RapportSettings settings;

    @Inject
    Database database;

    @Test
    void thread_aLateParentRelinksTheThreadAndChangesAnEarlierWeeksTurnsAndConversations() throws SQLException {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "LateParent");
        String ask = f.person("p1").mentions(at("2026-01-05T10:00:00Z"), "@LateParent my order");
        String more = f.person("p1").replies(ask, at("2026-01-05T10:30:00Z"), "it is late");
        String answer = f.brand().replies(more, at("2026-01-05T11:00:00Z"), "sorry, on its way");
        f.person("p1").replies(answer, at("2026-01-12T09:00:00Z"), "still nothing");
        api.importFile("messages", without(f.csv(), "x,LateParent," + more + ","));
        List<Integer> scope = accounts("LateParent");
        Map<Metric, List<MetricPoint>> before = sameAsTheInMemoryEngine(scope);
        assertEquals(0.0, week(before, Metric.CONVERSATIONS, "2026-01-05"), "the answer waits for its parent: a thread of its own");
        assertEquals(0.0, week(before, Metric.RESPONSE_RATE, "2026-01-05"));

        api.importFile("messages", f.csv());

        Map<Metric, List<MetricPoint>> after = sameAsTheInMemoryEngine(scope);
        assertEquals(1.0, week(after, Metric.CONVERSATIONS, "2026-01-05"), "the answer now replies to p1 in the question's thread");
        assertEquals(1.0, week(after, Metric.RESPONSE_RATE, "2026-01-05"));
        assertEquals(60.0, week(after, Metric.MEDIAN_RESPONSE_MINUTES, "2026-01-05"), "the turn starts at the question, 10:00");
        assertEquals(1.0, week(after, Metric.CONVERSATIONS, "2026-01-12"), "the next week's reply joins the same thread");
    }

    @Test
    void scopeRule_aReplyAcrossAccountsJoinsTheThreadsOnlyForAScopeHoldingBoth() throws SQLException {
        RapportApi api = new RapportApi(client);
        Fixture a = new Fixture("x", "JoinA");
        Fixture b = new Fixture("x", "JoinB");
        String ask = a.person("j1").mentions(at("2026-01-05T10:00:00Z"), "@JoinA @JoinB refund?");
        b.brand().replies(ask, at("2026-01-05T10:20:00Z"), "JoinB here: yes");
        // the reply in JoinB comes first, its parent in JoinA later: a late parent across accounts
        api.importFile("messages", b.csv());
        api.importFile("messages", a.csv());
        List<Integer> both = accounts("JoinA", "JoinB");

        Map<Metric, List<MetricPoint>> joined = sameAsTheInMemoryEngine(both);
        assertEquals(1.0, week(joined, Metric.CONVERSATIONS, "2026-01-05"), "JoinB's brand answers j1 in one thread");
        assertEquals(20.0, week(joined, Metric.MEDIAN_RESPONSE_MINUTES, "2026-01-05"));
        assertEquals(0.0, week(sameAsTheInMemoryEngine(accounts("JoinA")), Metric.RESPONSE_RATE, "2026-01-05"),
                "JoinA alone: nobody answered");
        assertEquals(0.0, week(sameAsTheInMemoryEngine(accounts("JoinB")), Metric.CONVERSATIONS, "2026-01-05"),
                "JoinB alone: the parent is absent, the reply is a thread of its own");

        client.toBlocking().exchange(HttpRequest.DELETE("/api/accounts/x/JoinA?confirm=x/JoinA"));

        assertEquals(0.0, week(sameAsTheInMemoryEngine(accounts("JoinB")), Metric.CONVERSATIONS, "2026-01-05"));
    }

    @Test
    void turns_aReimportThatChangesKindOrTimeDerivesTheThreadAgain() throws SQLException {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Changed");
        String ask = f.person("c1").mentions(at("2026-01-05T10:00:00Z"), "@Changed hello");
        String answer = f.brand().replies(ask, at("2026-01-05T10:15:00Z"), "hi!");
        String back = f.person("c1").replies(answer, at("2026-01-05T10:20:00Z"), "one more thing");
        f.brand().replies(back, at("2026-01-05T10:50:00Z"), "tell us");
        api.importFile("messages", f.csv());
        List<Integer> scope = accounts("Changed");
        assertEquals(2.0, week(sameAsTheInMemoryEngine(scope), Metric.RESPONSE_RATE, "2026-01-05") * 2);

        // the first answer becomes a reaction (it no longer answers), the follow-up moves a week later
        api.importFile("messages", f.csv()
                .replace("x,Changed," + answer + ",Changed,Changed,true,reply,", "x,Changed," + answer + ",Changed,Changed,true,reaction,")
                .replace("2026-01-05T10:20:00Z", "2026-01-12T10:20:00Z"));

        Map<Metric, List<MetricPoint>> after = sameAsTheInMemoryEngine(scope);
        assertEquals(1.0, week(after, Metric.RESPONSE_RATE, "2026-01-05"), "the question is answered by the brand's later reply");
        assertEquals(50.0, week(after, Metric.MEDIAN_RESPONSE_MINUTES, "2026-01-05"));
        assertEquals(0.0, week(after, Metric.RESPONSE_RATE, "2026-01-12"), "the moved follow-up comes after every brand message");
    }

    @Test
    void erasure_thePersonsMessagesLeaveTheirThreadsAndTheBrandsRepliesBecomeRoots() throws SQLException {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Erased");
        String ask = f.person("gone").mentions(at("2026-01-05T10:00:00Z"), "@Erased help");
        String answer = f.brand().replies(ask, at("2026-01-05T10:10:00Z"), "sure");
        f.person("stays").replies(answer, at("2026-01-05T10:20:00Z"), "me too");
        api.importFile("messages", f.csv());
        List<Integer> scope = accounts("Erased");
        assertEquals(2.0, week(sameAsTheInMemoryEngine(scope), Metric.CONVERSATIONS, "2026-01-05") * 2);

        client.toBlocking().exchange(HttpRequest.POST("/api/people/erasures", Map.of("network", "x", "author_id", "gone")));

        Map<Metric, List<MetricPoint>> after = sameAsTheInMemoryEngine(scope);
        assertEquals(1.0, week(after, Metric.CONVERSATIONS, "2026-01-05"), "the answer is a root now; 'stays' replies to it");
        assertNull(week(after, Metric.MEDIAN_RESPONSE_MINUTES, "2026-01-05"), "the only answered turn was the erased person's");
    }

    /** Every metric of the families and the response-time buckets equal the in-memory engine's; the SQL figures. */
    private Map<Metric, List<MetricPoint>> sameAsTheInMemoryEngine(List<Integer> scope) {
        ScopeFacts scopeFacts = facts.load(scope);
        Map<Metric, List<MetricPoint>> weeks = null;
        for (Grain grain : Grain.values()) {
            List<Period> periods = refresher.coverage(scope, grain);
            Map<Metric, List<MetricPoint>> expected = InMemoryEngine.compute(scopeFacts, periods);
            Map<Metric, List<MetricPoint>> actual = families.compute(scope, grain, periods);
            for (Metric metric : ConversationFamilies.METRICS) {
                assertEquals(expected.get(metric), actual.get(metric), metric + ", scope " + scope + ", " + grain);
            }
            Period whole = Period.of(periods.get(0).start(), periods.get(periods.size() - 1).end(), settings.zone());
            assertEquals(InMemoryViews.responseTimes(scopeFacts, whole, "s"), families.responseTimes(scope, whole, "s"));
            if (grain == Grain.WEEK) {
                weeks = actual;
            }
        }
        return weeks;
    }

    private static Double week(Map<Metric, List<MetricPoint>> series, Metric metric, String start) {
        return series.get(metric).stream().filter(p -> p.periodStart().equals(LocalDate.parse(start)))
                .findFirst().orElseThrow().value();
    }

    private static String without(String csv, String linePrefix) {
        return csv.lines().filter(line -> !line.startsWith(linePrefix)).collect(Collectors.joining("\n", "", "\n"));
    }

    private List<Integer> accounts(String... handles) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = database.connection();
             PreparedStatement st = c.prepareStatement("select id from account where handle = any(?) order by id")) {
            st.setArray(1, c.createArrayOf("text", handles));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }
}
