package rapport.metrics;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.accounts.Scope;
import rapport.metrics.conversation.ConversationFamilies;
import rapport.metrics.memory.InMemoryEngine;
import rapport.metrics.memory.InMemoryViews;
import rapport.metrics.memory.ReferenceFacts;
import rapport.metrics.memory.ScopeFacts;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.metrics.period.PeriodRange;
import rapport.metrics.relationships.RelationshipViews;
import rapport.metrics.rollup.RollupRefresher;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A cycle of in_reply_to (bad data: messages naming each other as parent) is cut where the walk meets itself
 * (docs/metrics.md, thread root): the messages of a scope are walked in scope order, so a cycle and the replies
 * under it have one root, the cycle member whose parent is where the first of them entered the cycle. The thread
 * facts root them so, whatever order the messages arrive in: every message of a scope roots as the in-memory
 * engine roots it, and every figure from the facts equals the in-memory engine's. Each test on accounts of its
 * own; 2026-01-05 is a Monday.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InReplyToCycleTest implements FreshDatabase {

    private static final String HEADER = "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ReferenceFacts facts;

    @Inject
    RelationshipViews views;

    @Inject
    ConversationFamilies families;

    @Inject
    RollupRefresher refresher;

    @Inject
    RapportSettings settings;

    @Inject
    Database database;

    @Test
    void thread_aTwoCycleWithAReplyUnderIt_isOneThreadRootedWhereTheFirstWalkMeetsItself() throws SQLException {
        new RapportApi(client).importFile("messages", HEADER + """
                x,Loop,c1,p1,p1,false,reply,2026-01-05T10:00:00Z,c2,@Loop is this on?
                x,Loop,c2,Loop,Loop,true,reply,2026-01-05T10:20:00Z,c1,@p1 yes it is
                x,Loop,c3,p1,p1,false,reply,2026-01-05T10:40:00Z,c2,thanks
                x,Loop,n1,p2,p2,false,mention,2026-01-06T09:00:00Z,,@Loop hello
                x,Loop,n2,Loop,Loop,true,reply,2026-01-06T09:30:00Z,n1,@p2 hi there
                """);
        List<Integer> scope = accounts("Loop");
        assertEquals("c2", rootsAsTheInMemoryEngine(scope).get("c3"), "c1 walks to c2, whose parent c1 is on the walk");

        Map<String, Double> week = new RapportApi(client).metrics("week", "2026-01-05", "x/Loop");
        assertEquals(2.0, week.get("conversations"), "the cycle's thread and the plain one");
        assertEquals(0.5, week.get("deep_conversation_share"), "c1, c2, c3: three cross-party replies, that thread is deep");
        PeriodRange range = new PeriodRange(Grain.WEEK, LocalDate.parse("2025-12-29"), LocalDate.parse("2026-01-12"));
        List<Period> periods = range.periods(settings.zone());
        ScopeFacts inMemory = facts.load(scope);
        Period whole = Period.of(periods.get(0).start(), periods.get(periods.size() - 1).end(), settings.zone());
        assertEquals(InMemoryViews.responseTimes(inMemory, whole, "Loop"),
                views.responseTimes(new Scope("Loop", scope), range));
        Map<Metric, List<MetricPoint>> expected = InMemoryEngine.compute(inMemory, periods);
        for (Metric metric : Metric.values()) {
            assertEquals(expected.get(metric).get(1).value(), week.get(metric.key()), metric.key());
        }
        sameAsTheInMemoryEngine(scope);
    }

    @Test
    void thread_aThreeCycleEnteredFirstFromAnOlderReplyUnderIt_isRootedByThatReplysWalk() throws SQLException {
        new RapportApi(client).importFile("messages", HEADER + """
                x,Ring,k1,p1,p1,false,reply,2026-01-05T10:00:00Z,k3,@Ring where is it
                x,Ring,k2,Ring,Ring,true,reply,2026-01-05T10:10:00Z,k1,@p1 on its way
                x,Ring,k3,p1,p1,false,reply,2026-01-05T10:20:00Z,k2,@Ring thanks
                x,Ring,h1,p9,p9,false,reply,2026-01-05T08:00:00Z,k2,@Ring me too
                x,Ring,h2,Ring,Ring,true,reply,2026-01-05T12:00:00Z,h1,@p9 same for you
                """);
        List<Integer> scope = accounts("Ring");

        Map<String, String> roots = rootsAsTheInMemoryEngine(scope);
        assertEquals("k3", roots.get("k1"), "h1 → k2 → k1 → k3, whose parent k2 is on the walk (k1 first would root at k2)");
        assertEquals("k3", roots.get("h2"));
        assertEquals(1.0, week(sameAsTheInMemoryEngine(scope), Metric.CONVERSATIONS, "2026-01-05"));
    }

    @Test
    void thread_aCycleClosedByALateImport_getsItsFacts_andAnOlderReplyArrivingLaterMovesItsRoot() throws SQLException {
        RapportApi api = new RapportApi(client);
        api.importFile("messages", HEADER + """
                x,Late,c1,p1,p1,false,reply,2026-01-05T10:00:00Z,c2,@Late is this on?
                x,Late,c3,Late,Late,true,reply,2026-01-05T10:30:00Z,c1,@p1 it is
                """);
        List<Integer> scope = accounts("Late");
        assertEquals("c1", rootsAsTheInMemoryEngine(scope).get("c3"), "c2 is not there: c1 is a root");
        sameAsTheInMemoryEngine(scope);

        api.importFile("messages", HEADER + """
                x,Late,c2,Late,Late,true,reply,2026-01-05T09:30:00Z,c1,@p1 earlier
                """);
        assertEquals("c1", rootsAsTheInMemoryEngine(scope).get("c3"), "c2 walks to c1, whose parent c2 is on the walk");
        assertEquals(1.0, week(sameAsTheInMemoryEngine(scope), Metric.CONVERSATIONS, "2026-01-05"));

        api.importFile("messages", HEADER + """
                x,Late,h1,p2,p2,false,reply,2026-01-05T09:00:00Z,c3,@Late and me?
                """);
        assertEquals("c2", rootsAsTheInMemoryEngine(scope).get("h1"), "h1 → c3 → c1 → c2, whose parent c1 is on the walk");
        sameAsTheInMemoryEngine(scope);
    }

    @Test
    void thread_reimportsThatMoveTheFirstMessageOrBreakTheCycle_deriveTheThreadAgain() throws SQLException {
        RapportApi api = new RapportApi(client);
        String csv = HEADER + """
                x,Broken,k1,p1,p1,false,reply,2026-01-05T10:00:00Z,k2,@Broken hello
                x,Broken,k2,Broken,Broken,true,reply,2026-01-05T10:10:00Z,k1,@p1 hi
                x,Broken,r1,p2,p2,false,reply,2026-01-05T10:20:00Z,k2,@Broken and me
                """;
        api.importFile("messages", csv);
        List<Integer> scope = accounts("Broken");
        assertEquals("k2", rootsAsTheInMemoryEngine(scope).get("r1"));
        sameAsTheInMemoryEngine(scope);

        String earlier = csv.replace("r1,p2,p2,false,reply,2026-01-05T10:20:00Z", "r1,p2,p2,false,reply,2026-01-05T09:20:00Z");
        api.importFile("messages", earlier);
        assertEquals("k1", rootsAsTheInMemoryEngine(scope).get("r1"), "r1 comes first now: r1 → k2 → k1, whose parent k2 is on the walk");
        sameAsTheInMemoryEngine(scope);

        api.importFile("messages", earlier.replace("2026-01-05T10:00:00Z,k2,", "2026-01-05T10:00:00Z,,"));
        assertEquals("k1", rootsAsTheInMemoryEngine(scope).get("k2"), "k1 replies to nothing now: the thread's root");
        assertEquals(1.0, week(sameAsTheInMemoryEngine(scope), Metric.CONVERSATIONS, "2026-01-05"));
    }

    @Test
    void erasure_aCycleMembersErasureLeavesATreeUnderTheMemberItAnswered() throws SQLException {
        new RapportApi(client).importFile("messages", HEADER + """
                x,Erasing,k1,gone,gone,false,reply,2026-01-05T10:00:00Z,k2,@Erasing hello
                x,Erasing,k2,Erasing,Erasing,true,reply,2026-01-05T10:10:00Z,k1,@gone hi
                x,Erasing,r1,stays,stays,false,reply,2026-01-05T10:20:00Z,k2,@Erasing and me
                """);
        List<Integer> scope = accounts("Erasing");
        sameAsTheInMemoryEngine(scope);

        client.toBlocking().exchange(HttpRequest.POST("/api/people/erasures", Map.of("network", "x", "author_id", "gone")));

        assertEquals("k2", rootsAsTheInMemoryEngine(scope).get("r1"));
        sameAsTheInMemoryEngine(scope);
    }

    @Test
    void scopeRule_aCycleAcrossTwoAccountsClosesOnlyInAScopeHoldingBoth() throws SQLException {
        new RapportApi(client).importFile("messages", HEADER + """
                x,Ping,a1,p1,p1,false,reply,2026-01-05T10:00:00Z,b1,@Pong @Ping who answers?
                x,Pong,b1,Pong,Pong,true,reply,2026-01-05T10:10:00Z,a1,@p1 we do
                x,Ping,a2,Ping,Ping,true,reply,2026-01-05T10:20:00Z,a1,@p1 so do we
                x,Pong,b2,p2,p2,false,reply,2026-01-05T10:30:00Z,b1,@Pong thanks
                """);
        List<Integer> both = accounts("Ping", "Pong");

        Map<String, String> roots = rootsAsTheInMemoryEngine(both);
        assertEquals("b1", roots.get("a2"), "a1 → b1, whose parent a1 is on the walk");
        assertEquals("b1", roots.get("b2"));
        assertEquals(1.0, week(sameAsTheInMemoryEngine(both), Metric.CONVERSATIONS, "2026-01-05"));
        assertEquals("a1", rootsAsTheInMemoryEngine(accounts("Ping")).get("a2"), "Ping alone: b1 is absent");
        sameAsTheInMemoryEngine(accounts("Ping"));
        assertEquals("b1", rootsAsTheInMemoryEngine(accounts("Pong")).get("b2"), "Pong alone: a1 is absent");
        sameAsTheInMemoryEngine(accounts("Pong"));
    }

    @Test
    void scopeRule_anOlderReplyFromAnotherAccountUnderAnAccountsCycle_rootsItInAScopeHoldingBoth() throws SQLException {
        new RapportApi(client).importFile("messages", HEADER + """
                x,Spin,q1,p3,p3,false,reply,2026-01-05T11:00:00Z,q2,@Spin anyone?
                x,Spin,q2,Spin,Spin,true,reply,2026-01-05T11:10:00Z,q1,@p3 here
                x,Spin,q3,p3,p3,false,reply,2026-01-05T11:20:00Z,q1,@Spin good
                x,Under,h1,p4,p4,false,reply,2026-01-05T09:00:00Z,q2,@Spin @Under early
                x,Under,h2,Under,Under,true,reply,2026-01-05T09:30:00Z,h1,@p4 noted
                """);
        List<Integer> both = accounts("Spin", "Under");

        assertEquals("q1", rootsAsTheInMemoryEngine(both).get("h2"), "h1 → q2 → q1, whose parent q2 is on the walk");
        sameAsTheInMemoryEngine(both);
        assertEquals("q2", rootsAsTheInMemoryEngine(accounts("Spin")).get("q3"), "Spin alone: q1 → q2, whose parent q1 is on the walk");
        sameAsTheInMemoryEngine(accounts("Spin"));
        assertEquals("h1", rootsAsTheInMemoryEngine(accounts("Under")).get("h2"), "Under alone: q2 is absent");
        sameAsTheInMemoryEngine(accounts("Under"));
    }

    /**
     * Each message's root for the scope, from the facts (a thread joined across the scope's accounts derived
     * again as ConversationSql does), after checking it equals the in-memory engine's for every message.
     */
    private Map<String, String> rootsAsTheInMemoryEngine(List<Integer> scope) throws SQLException {
        Map<String, String> expected = facts.load(scope).rootMessageIds();
        Map<String, String> actual = new HashMap<>();
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement("""
                select m.message_id, r.message_id
                from message m
                left join message_fact f on f.id = m.id
                left join scope_thread_facts(?) x on x.id = m.id
                left join message r on r.id = coalesce(x.root_id, f.root_id)
                where m.account_id = any(?)""")) {
            Array accounts = c.createArrayOf("integer", scope.toArray());
            st.setArray(1, accounts);
            st.setArray(2, accounts);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    actual.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertEquals(expected, actual, "every message of scope " + scope + " has facts rooted as the in-memory engine roots it");
        return actual;
    }

    /** Every metric of the families and the response-time buckets equal the in-memory engine's; the SQL weeks. */
    private Map<Metric, List<MetricPoint>> sameAsTheInMemoryEngine(List<Integer> scope) {
        EngineComparisonData.assertFamilyEqualsTheInMemoryEngine(families, List.of(scope), facts, refresher, settings.timeZone());
        List<Period> weeks = refresher.coverage(scope, Grain.WEEK);
        Period whole = Period.of(weeks.get(0).start(), weeks.get(weeks.size() - 1).end(), settings.zone());
        assertEquals(InMemoryViews.responseTimes(facts.load(scope), whole, "s"), families.responseTimes(scope, whole, "s"));
        return families.compute(scope, Grain.WEEK, weeks);
    }

    private static Double week(Map<Metric, List<MetricPoint>> series, Metric metric, String start) {
        return series.get(metric).stream().filter(p -> p.periodStart().equals(LocalDate.parse(start)))
                .findFirst().orElseThrow().value();
    }

    /** The accounts' ids; handles are this test's own constants. */
    private List<Integer> accounts(String... handles) throws SQLException {
        return EngineComparisonData.ids(database,
                "select id from account where handle in ('" + String.join("', '", handles) + "') order by id");
    }
}
