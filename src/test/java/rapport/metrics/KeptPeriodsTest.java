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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static rapport.Fixture.at;

/**
 * After an import, the periods that end before anything it changed are kept from the scope's last computation
 * and the rest computed again: each test imports, asks eight weeks, imports a change reaching back to a given
 * week, and checks how many weeks were kept, the changed week's new value, and that the answer equals the one
 * computed whole with nothing kept. Each test on its own accounts. Weeks start on Mondays: 2026-01-05, -12, -19,
 * -26, 02-02, 02-09, 02-16, 02-23.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptPeriodsTest implements FreshDatabase {

    private static final String EIGHT_WEEKS = "/api/metrics?grain=week&from=2026-01-05&to=2026-02-23&accounts=";
    /** The response-time buckets of the same weeks: their sum, each week's counts kept like its points. */
    private static final String RESPONSE_TIMES = "/api/response-times?grain=week&from=2026-01-05&to=2026-02-23&accounts=";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Database database;

    @Inject
    KeptPeriodsCheck check;

    @Test
    void aMessageOfALaterWeek_keepsEveryWeekEndingBeforeIt() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Later");
        String ask = f.person("p1").mentions(at("2026-01-06T09:00:00Z"), "@Later hello");
        f.brand().replies(ask, at("2026-01-06T10:00:00Z"), "@p1 hi");
        f.person("p2").mentions(at("2026-02-10T09:00:00Z"), "@Later me too");
        String[] parts = f.split(2);
        api.importFile("messages", parts[0]);
        askEightWeeks(api, "x/Later");

        api.importFile("messages", parts[1]);

        assertWeeksKeptAndWholeEqual(api, "x/Later", 5);
        assertEquals(1.0, api.metrics("week", "2026-02-09", "x/Later").get("active_interactors"));
    }

    @Test
    void aLateAnswer_changesTheResponseRateOfTheWeekTheTurnStarted() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Answer");
        String ask = f.person("p1").mentions(at("2026-01-13T09:00:00Z"), "@Answer where is my order");
        f.brand().replies(ask, at("2026-02-10T10:00:00Z"), "@p1 on its way");
        String[] parts = f.split(1);
        api.importFile("messages", parts[0]);
        assertEquals(0.0, api.metrics("week", "2026-01-12", "x/Answer").get("response_rate"));
        askEightWeeks(api, "x/Answer");

        api.importFile("messages", parts[1]);

        // the thread is derived again from its first message, 2026-01-13: only the week before it is kept
        assertWeeksKeptAndWholeEqual(api, "x/Answer", 1);
        assertEquals(1.0, api.metrics("week", "2026-01-12", "x/Answer").get("response_rate"));
    }

    @Test
    void aTemplateGroupReachingThreePersons_makesAnEarlierWeeksRepliesCanned() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Template");
        for (String person : new String[]{"p1", "p2", "p3"}) {
            String day = person.equals("p3") ? "2026-02-10" : "2026-01-20";
            String ask = f.person(person).mentions(at(day + "T09:00:00Z"), "@Template help");
            f.brand().replies(ask, at(day + "T10:00:00Z"), "@" + person + " Please DM us your order number and we will check it");
        }
        String[] parts = f.split(4);
        api.importFile("messages", parts[0]);
        assertEquals(0.0, api.metrics("week", "2026-01-19", "x/Template").get("canned_reply_share"));
        askEightWeeks(api, "x/Template");

        api.importFile("messages", parts[1]);

        // the replies of 2026-01-20 turn canned: the two weeks before theirs are kept
        assertWeeksKeptAndWholeEqual(api, "x/Template", 2);
        assertEquals(1.0, api.metrics("week", "2026-01-19", "x/Template").get("canned_reply_share"));
    }

    @Test
    void aTemplateGroupFallingBelowThreePersons_makesAnEarlierWeeksRepliesPersonalAgain() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Untemplate");
        for (String person : new String[]{"untemplate-p1", "untemplate-p2", "untemplate-p3"}) {
            String day = person.endsWith("p3") ? "2026-02-10" : "2026-01-20";
            String ask = f.person(person).mentions(at(day + "T09:00:00Z"), "@Untemplate help");
            f.brand().replies(ask, at(day + "T10:00:00Z"), "@" + person + " Please DM us your order number and we will check it");
        }
        api.importFile("messages", f.csv());
        assertEquals(1.0, api.metrics("week", "2026-01-19", "x/Untemplate").get("canned_reply_share"));
        askEightWeeks(api, "x/Untemplate");

        // the third person's question goes: the brand's answer to it is no longer a reply to a person
        client.toBlocking().retrieve(HttpRequest.POST("/api/people/erasures", Map.of("network", "x", "author_id", "untemplate-p3")));

        // the replies of 2026-01-20 are no longer canned: the two weeks before theirs are kept
        assertWeeksKeptAndWholeEqual(api, "x/Untemplate", 2);
        assertEquals(0.0, api.metrics("week", "2026-01-19", "x/Untemplate").get("canned_reply_share"));
    }

    @Test
    void aFollowerCountOfAnEarlierDay_changesTheFollowersFromThatWeekOn() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Followed");
        f.person("p1").mentions(at("2026-01-06T09:00:00Z"), "@Followed hello");
        api.importFile("messages", f.csv());
        api.importFile("followers", "network,account,day,followers\nx,Followed,2026-01-05,100\n");
        assertEquals(100.0, api.metrics("week", "2026-01-19", "x/Followed").get("followers"));
        askEightWeeks(api, "x/Followed");

        api.importFile("followers", "network,account,day,followers\nx,Followed,2026-01-20,150\n");

        // a day counts from the day before's UTC midnight, earlier than its start in any zone: two weeks kept
        assertWeeksKeptAndWholeEqual(api, "x/Followed", 2);
        assertEquals(150.0, api.metrics("week", "2026-01-19", "x/Followed").get("followers"));
    }

    @Test
    void aSurveyAnswerOfAnEarlierWeek_changesThatWeeksNps() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Surveyed");
        f.person("surveyed-p1").mentions(at("2026-01-06T09:00:00Z"), "@Surveyed hello");
        api.importFile("messages", f.csv());
        assertNull(api.metrics("week", "2026-01-26", "x/Surveyed").get("nps"));
        askEightWeeks(api, "x/Surveyed");

        api.importFile("surveys", "network,author_id,day,score\nx,surveyed-p1,2026-01-28,10\n");

        assertWeeksKeptAndWholeEqual(api, "x/Surveyed", 3);
        assertEquals(100.0, api.metrics("week", "2026-01-26", "x/Surveyed").get("nps"));
    }

    @Test
    void aPersonsFirstMessage_bringsTheirEarlierSurveyAnswerIntoThatWeeksNps() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Answered");
        f.person("answered-p1").mentions(at("2026-01-06T09:00:00Z"), "@Answered hello");
        f.person("answered-p2").mentions(at("2026-02-10T09:00:00Z"), "@Answered at last");
        String[] parts = f.split(1);
        api.importFile("messages", parts[0]);
        api.importFile("surveys", "network,author_id,day,score\nx,answered-p2,2026-01-14,10\n");
        // nps counts the responses of persons with an active message in the accounts "at any time"
        assertNull(api.metrics("week", "2026-01-12", "x/Answered").get("nps"));
        askEightWeeks(api, "x/Answered");

        api.importFile("messages", parts[1]);

        assertWeeksKeptAndWholeEqual(api, "x/Answered", 5);
        assertEquals(100.0, api.metrics("week", "2026-01-12", "x/Answered").get("nps"));
    }

    @Test
    void aPersonsOnlyMessageMovedToAnotherAccount_takesTheirEarlierSurveyAnswerOutOfThatWeeksNps() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Leaving");
        f.person("leaving-p1").mentions(at("2026-01-06T09:00:00Z"), "@Leaving hello");
        f.person("leaving-p2").mentions(at("2026-02-10T09:00:00Z"), "@Leaving hi");
        api.importFile("messages", f.csv());
        api.importFile("surveys", "network,author_id,day,score\nx,leaving-p2,2026-01-14,10\n");
        assertEquals(100.0, api.metrics("week", "2026-01-12", "x/Leaving").get("nps"));
        askEightWeeks(api, "x/Leaving");

        api.importFile("messages", f.csv().replace("x,Leaving,Leaving-2,", "x,LeavingOther,Leaving-2,"));

        assertWeeksKeptAndWholeEqual(api, "x/Leaving", 5);
        assertNull(api.metrics("week", "2026-01-12", "x/Leaving").get("nps"));
    }

    @Test
    void aMessageMovedToAnEarlierWeek_movesItsPersonThere() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Moved");
        f.person("p1").mentions(at("2026-01-06T09:00:00Z"), "@Moved hello");
        String moved = f.person("p2").mentions(at("2026-02-10T09:00:00Z"), "@Moved again");
        api.importFile("messages", f.csv());
        askEightWeeks(api, "x/Moved");

        api.importFile("messages", f.csv().replace("2026-02-10T09:00:00Z", "2026-01-13T09:00:00Z"));

        assertWeeksKeptAndWholeEqual(api, "x/Moved", 1);
        assertEquals(1.0, api.metrics("week", "2026-01-12", "x/Moved").get("active_interactors"), moved + " moved here");
        assertEquals(0.0, api.metrics("week", "2026-02-09", "x/Moved").get("active_interactors"));
    }

    @Test
    void anErasure_takesThePersonsTurnOutOfItsWeek() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Erased");
        String ask = f.person("erased-p1").mentions(at("2026-01-13T09:00:00Z"), "@Erased where is my order");
        f.brand().replies(ask, at("2026-01-13T10:00:00Z"), "@erased-p1 on its way");
        f.person("erased-p2").mentions(at("2026-02-10T09:00:00Z"), "@Erased hello");
        api.importFile("messages", f.csv());
        assertEquals(1.0, api.metrics("week", "2026-01-12", "x/Erased").get("response_rate"));
        askEightWeeks(api, "x/Erased");

        client.toBlocking().retrieve(HttpRequest.POST("/api/people/erasures", Map.of("network", "x", "author_id", "erased-p1")));

        // the person's messages go, the brand's reply stays as a thread of its own: from 2026-01-13 on
        assertWeeksKeptAndWholeEqual(api, "x/Erased", 1);
        assertNull(api.metrics("week", "2026-01-12", "x/Erased").get("response_rate"));
    }

    @Test
    void aChangeOfTheAccountsPromotionalPhrases_computesEveryWeekAgain() throws SQLException {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Phrases");
        f.brand().posts(at("2026-01-06T09:00:00Z"), "Big news: hello from the team");
        api.importFile("messages", f.csv());
        assertEquals(0.0, api.metrics("week", "2026-01-05", "x/Phrases").get("promotional_share"));
        askEightWeeks(api, "x/Phrases");

        try (Connection c = database.connection();
             PreparedStatement st = c.prepareStatement("update account set promo_phrases = array['news'] where handle = 'Phrases'")) {
            st.executeUpdate();
        }

        // a settings change cannot say which periods it reaches: none is kept
        assertWeeksKeptAndWholeEqual(api, "x/Phrases", 0);
        assertEquals(1.0, api.metrics("week", "2026-01-05", "x/Phrases").get("promotional_share"));
    }

    @Test
    void aLateParentInAnotherAccountOfTheScope_computesTheScopeWhole() {
        RapportApi api = new RapportApi(client);
        Fixture a = new Fixture("x", "ParentA");
        Fixture b = new Fixture("x", "ParentB");
        String ask = a.person("p1").mentions(at("2026-01-13T09:00:00Z"), "@ParentA @ParentB where is my order");
        b.brand().replies(ask, at("2026-01-13T10:00:00Z"), "@p1 on its way");
        b.person("p2").mentions(at("2026-02-10T09:00:00Z"), "@ParentB hello");
        Fixture earlier = new Fixture("x", "ParentA");
        earlier.person("p3").mentions(at("2026-01-06T09:00:00Z"), "@ParentA hello");
        api.importFile("messages", earlier.csv().replace("ParentA-1,", "ParentA-earlier,"));
        api.importFile("messages", b.csv());
        String both = "x/ParentA,x/ParentB";
        assertEquals(0.0, api.metrics("week", "2026-01-12", both).get("conversations"), "the reply waits for its parent");
        askEightWeeks(api, both);

        api.importFile("messages", a.csv());

        assertWeeksKeptAndWholeEqual(api, both, 0);
        assertEquals(1.0, api.metrics("week", "2026-01-12", both).get("conversations"));
        assertEquals(1.0, api.metrics("week", "2026-01-12", both).get("response_rate"));
    }

    @Test
    void aReplyAcrossTwoAccountsOfTheScope_computesTheScopeWhole() {
        RapportApi api = new RapportApi(client);
        Fixture a = new Fixture("x", "JoinA");
        Fixture b = new Fixture("x", "JoinB");
        String ask = a.person("p1").mentions(at("2026-01-13T09:00:00Z"), "@JoinA @JoinB where is my order");
        b.person("p2").mentions(at("2026-01-06T09:00:00Z"), "@JoinB hello");
        api.importFile("messages", a.csv());
        api.importFile("messages", b.csv());
        String both = "x/JoinA,x/JoinB";
        assertEquals(0.0, api.metrics("week", "2026-01-12", both).get("response_rate"));
        askEightWeeks(api, both);

        Fixture answer = new Fixture("x", "JoinB");
        answer.brand().replies(ask, at("2026-02-10T10:00:00Z"), "@p1 on its way");
        api.importFile("messages", answer.csv().replace("JoinB-1,", "JoinB-answer,"));

        // the other account's reply answers p1's turn in the scope only: no per-row fact says so, nothing is kept
        assertWeeksKeptAndWholeEqual(api, both, 0);
        assertEquals(1.0, api.metrics("week", "2026-01-12", both).get("response_rate"));
        assertEquals(0.0, api.metrics("week", "2026-01-12", "x/JoinA").get("response_rate"));
    }

    private void askEightWeeks(RapportApi api, String accounts) {
        api.get(EIGHT_WEEKS + accounts);
        api.get(RESPONSE_TIMES + accounts);
    }

    /**
     * The eight weeks as served now: so many of them kept, and the same answer as computed whole; the same for
     * their response-time buckets.
     */
    private void assertWeeksKeptAndWholeEqual(RapportApi api, String accounts, int weeksKept) {
        check.assertKeptAndWholeEqual(api, weeksKept, 8, EIGHT_WEEKS + accounts, RESPONSE_TIMES + accounts);
    }
}
