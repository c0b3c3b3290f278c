package rapport.metrics;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rapport.Fixture;
import rapport.RapportApi;
import rapport.metrics.conversation.ConversationFamilies;
import rapport.metrics.memory.InMemoryViews;
import rapport.metrics.memory.ScopeFacts;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.system.RapportSettings;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rapport.Fixture.at;

/**
 * Conversations, responses, brand replies, followers and the per-post metrics aggregated in PostgreSQL over the
 * thread facts kept at import time equal the in-memory engine's, for every scope (each account, a pair, all, and
 * two accounts whose threads reply across them), every period of both grains and the workspace time zone of the
 * subclass, on {@link EngineComparisonData} with a thread crossing two accounts added (the twcs slice has some
 * too: brands answering each other's threads).
 */
abstract class ConversationEquality extends EngineComparison {

    @Inject
    ConversationFamilies families;

    @Inject
    RapportSettings settings;

    @BeforeAll
    void importAndChange() throws IOException, SQLException {
        EngineComparisonData.importAndChange(new RapportApi(client), database, crossAccountThread());
    }

    /**
     * A person asks CrossA; CrossA answers, the person asks again, then CrossB answers the first question and a
     * second person carries on in CrossB, and the first person answers CrossB from CrossA: for the scope of both
     * accounts, one thread whose turns and replies cross them; for each alone, threads of their own.
     */
    static String crossAccountThread() {
        Fixture a = new Fixture("x", "CrossA");
        Fixture b = new Fixture("x", "CrossB");
        String ask = a.person("q1").mentions(at("2026-02-02T10:00:00Z"), "@CrossA where is my parcel");
        String answer = a.brand().replies(ask, at("2026-02-02T10:30:00Z"), "on its way");
        a.person("q1").replies(answer, at("2026-02-02T10:45:00Z"), "it is not");
        String other = b.brand().replies(ask, at("2026-02-02T11:00:00Z"), "we carry it, let us check");
        String second = b.person("q2").replies(other, at("2026-02-03T09:00:00Z"), "mine too");
        String again = b.brand().replies(second, at("2026-02-03T12:00:00Z"), "checking yours");
        String thanks = a.person("q1").replies(again, at("2026-02-04T08:00:00Z"), "thanks both");
        a.brand().replies(thanks, at("2026-02-04T08:10:00Z"), "you are welcome");
        a.person("q1").reacts(thanks, at("2026-02-04T08:20:00Z"));
        return a.csv() + b.csv().lines().skip(1).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    private List<List<Integer>> scopes() throws SQLException {
        List<Integer> all = EngineComparisonData.ids(database, "select id from account order by id");
        assertTrue(all.size() >= 5, "twcs brands, the demo brand, CrossA and CrossB");
        return EngineComparisonData.scopes(all,
                EngineComparisonData.ids(database, "select id from account where handle like 'Cross_' order by id"));
    }

    @Test
    void scopeRule_theFixtureHasRepliesAcrossAccounts() throws SQLException {
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from message_fact where linked_parent_id is not null")) {
            rs.next();
            assertTrue(rs.getLong(1) >= 2, "CrossB answers CrossA's thread, CrossA answers CrossB's");
        }
    }

    @Test
    void everyConversationResponseAndContextMetric_sqlOverThreadFactsEqualsTheInMemoryEngine() throws SQLException {
        EngineComparisonData.assertFamilyEqualsTheInMemoryEngine(families, scopes(), facts, refresher, zone());
    }

    @Test
    void responseTimeBuckets_sqlOverThreadFactsEqualTheInMemoryEngine() throws SQLException {
        for (List<Integer> scope : scopes()) {
            ScopeFacts scopeFacts = facts.load(scope);
            List<Period> weeks = refresher.coverage(scope, Grain.WEEK);
            for (int last : List.of(weeks.size() - 1, weeks.size() / 2)) {
                Period whole = Period.of(weeks.get(0).start(), weeks.get(last).end(), settings.zone());
                assertEquals(InMemoryViews.responseTimes(scopeFacts, whole, "s"), families.responseTimes(scope, whole, "s"),
                        "scope " + scope + ", " + zone());
            }
        }
    }
}
