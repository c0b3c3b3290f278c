package rapport.metrics;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.accounts.Scope;
import rapport.metrics.memory.InMemoryEngine;
import rapport.metrics.memory.InMemoryViews;
import rapport.metrics.memory.ScopeFacts;
import rapport.metrics.memory.ScopeFactsCache;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.metrics.period.PeriodRange;
import rapport.metrics.relationships.RelationshipViews;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A cycle of in_reply_to (bad data: two messages naming each other as parent) is cut where the walk meets
 * itself (docs/metrics.md, thread root). Such replies have no thread facts, so a scope holding them is computed
 * by the in-memory engine, and its figures are the ones METRICS.md's reading gives.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InReplyToCycleTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ScopeFactsCache facts;

    @Inject
    RelationshipViews views;

    @Inject
    RapportSettings settings;

    @Inject
    Database database;

    @Test
    void thread_aCycleOfInReplyToIsCutWhereTheWalkMeetsItself_theFiguresAreTheInMemoryEngines() throws SQLException {
        new RapportApi(client).importFile("messages", """
                network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text
                x,Loop,c1,p1,p1,false,reply,2026-01-05T10:00:00Z,c2,@Loop is this on?
                x,Loop,c2,Loop,Loop,true,reply,2026-01-05T10:20:00Z,c1,@p1 yes it is
                x,Loop,c3,p1,p1,false,reply,2026-01-05T10:40:00Z,c2,thanks
                x,Loop,n1,p2,p2,false,mention,2026-01-06T09:00:00Z,,@Loop hello
                x,Loop,n2,Loop,Loop,true,reply,2026-01-06T09:30:00Z,n1,@p2 hi there
                """);
        List<Integer> scope = List.of(accountId());
        PeriodRange range = new PeriodRange(Grain.WEEK, LocalDate.parse("2025-12-29"), LocalDate.parse("2026-01-12"));
        List<Period> periods = range.periods(settings.zone());

        Map<String, Double> week = new RapportApi(client).metrics("week", "2026-01-05", "x/Loop");
        assertEquals(2.0, week.get("conversations"), "the cycle's thread and the plain one");
        assertEquals(0.5, week.get("deep_conversation_share"), "c1, c2, c3: three cross-party replies, that thread is deep");

        ScopeFacts inMemory = facts.uncached(scope);
        Period whole = Period.of(periods.get(0).start(), periods.get(periods.size() - 1).end(), settings.zone());
        assertEquals(InMemoryViews.responseTimes(inMemory, whole, "Loop"),
                views.responseTimes(new Scope("Loop", scope), range));
        Map<Metric, List<MetricPoint>> expected = InMemoryEngine.compute(inMemory, periods);
        for (Metric metric : Metric.values()) {
            assertEquals(expected.get(metric).get(1).value(), week.get(metric.key()), metric.key());
        }
    }

    private int accountId() throws SQLException {
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from account where handle = 'Loop'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
