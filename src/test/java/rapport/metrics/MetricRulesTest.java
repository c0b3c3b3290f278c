package rapport.metrics;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;
import rapport.Fixture;
import rapport.RapportApi;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static rapport.Fixture.at;

/**
 * One METRICS.md rule per test, each on its own account so that the fixtures never meet.
 * Weeks: 2026-01-05 is a Monday.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricRulesTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    Map<String, Double> week(Fixture f, String account, String monday) {
        RapportApi api = new RapportApi(client);
        api.importFile("messages", f.csv());
        return api.metrics("week", monday, "x/" + account);
    }

    @Test
    void inboundTurn_sharesAndReactionsNeitherEndNorAnswerATurn() {
        Fixture f = new Fixture("x", "Turns");
        String post = f.brand().posts(at("2026-01-05T08:00:00Z"), "hello world");
        String ask = f.person("p1").replies(post, at("2026-01-05T10:00:00Z"), "question");
        f.brand().shares(ask, at("2026-01-05T10:10:00Z"));
        f.person("p2").reacts(ask, at("2026-01-05T10:15:00Z"));
        String more = f.person("p1").replies(ask, at("2026-01-05T10:20:00Z"), "more detail");
        f.brand().replies(more, at("2026-01-05T11:00:00Z"), "answer");
        Map<String, Double> w = week(f, "Turns", "2026-01-05");
        // one turn (10:00 and 10:20), answered at 11:00: 60 minutes from the turn's start
        assertEquals(1.0, w.get("response_rate"));
        assertEquals(60.0, w.get("median_response_minutes"));
        assertEquals(60.0, w.get("p90_response_minutes"));
    }

    @Test
    void inboundTurn_aBrandMessageEndsTheTurnAndTheNextPersonMessageOpensANewOne() {
        Fixture f = new Fixture("x", "Boundaries");
        String a = f.person("p1").mentions(at("2026-01-05T10:00:00Z"), "@Boundaries one");
        String b = f.brand().replies(a, at("2026-01-05T10:10:00Z"), "first answer");
        String c = f.person("p1").replies(b, at("2026-01-05T10:20:00Z"), "two");
        f.brand().replies(c, at("2026-01-05T12:20:00Z"), "second answer");
        f.person("p1").replies(c, at("2026-01-05T13:00:00Z"), "three, never answered");
        Map<String, Double> w = week(f, "Boundaries", "2026-01-05");
        assertEquals(2.0 / 3, w.get("response_rate"));
        assertEquals(65.0, w.get("median_response_minutes"));
        assertEquals(120.0, w.get("p90_response_minutes"));
        assertEquals(1.0, w.get("reciprocity"));
    }

    @Test
    void conversations_aShareOrReactionIsNotAConversation() {
        Fixture f = new Fixture("x", "Shares");
        String post = f.brand().posts(at("2026-01-05T08:00:00Z"), "new kettle");
        f.person("p1").shares(post, at("2026-01-05T09:00:00Z"));
        f.person("p2").reacts(post, at("2026-01-05T09:00:00Z"));
        Map<String, Double> w = week(f, "Shares", "2026-01-05");
        assertEquals(0.0, w.get("conversations"));
        assertNull(w.get("deep_conversation_share"));
        assertEquals(1.0, w.get("active_interactors"));
        assertEquals(1.0, w.get("amplification_per_post"));
        assertEquals(1.0, w.get("applause_per_post"));
    }

    @Test
    void repeatInteractors_lookBackExactlyNinetyDaysBeforeTheStart() {
        Fixture f = new Fixture("x", "Repeat");
        // week of 2026-04-06; start − 90 days = 2026-01-06T00:00Z
        f.person("inside").mentions(at("2026-01-06T00:00:00Z"), "@Repeat at the window's first instant");
        f.person("outside").mentions(at("2026-01-05T23:59:59Z"), "@Repeat one second too early");
        f.person("inside").mentions(at("2026-04-06T10:00:00Z"), "@Repeat back");
        f.person("outside").mentions(at("2026-04-06T10:00:00Z"), "@Repeat back too");
        Map<String, Double> w = week(f, "Repeat", "2026-04-06");
        assertEquals(2.0, w.get("active_interactors"));
        assertEquals(0.0, w.get("new_interactors"));
        assertEquals(1.0, w.get("repeat_interactors"));
        assertEquals(0.5, w.get("repeat_rate"));
    }

    @Test
    void advocates_threeDistinctIsoWeeksAcrossTheYearEdgeAndOneShare() {
        Fixture f = new Fixture("x", "YearEdge");
        String post = f.brand().posts(at("2025-12-20T08:00:00Z"), "happy holidays");
        // ISO weeks 2025-W52 (Dec 22), 2026-W01 (Dec 29 – Jan 4, across the year edge), 2026-W02 (Jan 5)
        f.person("fan").shares(post, at("2025-12-23T10:00:00Z"));
        f.person("fan").mentions(at("2025-12-31T10:00:00Z"), "@YearEdge happy new year");
        f.person("fan").mentions(at("2026-01-01T10:00:00Z"), "@YearEdge same ISO week as Dec 31");
        f.person("fan").mentions(at("2026-01-06T10:00:00Z"), "@YearEdge third week");
        // three weeks, but never a share: a regular, not an advocate
        f.person("talker").mentions(at("2025-12-23T10:00:00Z"), "@YearEdge a");
        f.person("talker").mentions(at("2025-12-30T10:00:00Z"), "@YearEdge b");
        f.person("talker").mentions(at("2026-01-06T10:00:00Z"), "@YearEdge c");
        Map<String, Double> w = week(f, "YearEdge", "2026-01-05");
        assertEquals(1.0, w.get("advocates"));
    }

    @Test
    void cannedReplies_aTemplateNeedsThreeRepliesToThreeDistinctPersons() {
        Fixture f = new Fixture("x", "Canned");
        String text = "@%s We're sorry to hear that. Please DM us your order number %d and we'll look into it. %s";
        String[] signOffs = {"^JD", "- kc", "/AM"};
        // to three persons, with other handles, numbers and agent sign-offs: one template
        for (int i = 1; i <= 3; i++) {
            String ask = f.person("p" + i).mentions(at("2026-01-05T1" + i + ":00:00Z"), "@Canned help");
            f.brand().replies(ask, f.after(ask, 5), String.format(text, "p" + i, 1000 + i, signOffs[i - 1]));
        }
        // the same text three times, but to two persons only: not a template
        String other = "Thanks for the photo, our kitchen team will love this one!";
        for (int i = 0; i < 3; i++) {
            String ask = f.person(i < 2 ? "q1" : "q2").mentions(at("2026-01-06T1" + i + ":00:00Z"), "@Canned look");
            f.brand().replies(ask, f.after(ask, 5), other);
        }
        Map<String, Double> w = week(f, "Canned", "2026-01-05");
        assertEquals(0.5, w.get("canned_reply_share"));
        assertEquals(50.0, w.get("personalization_score"));
    }

    @Test
    void ratios_aZeroDenominatorIsNullNotZero() {
        Fixture f = new Fixture("x", "Empty");
        f.brand().posts(at("2026-01-05T08:00:00Z"), "just a post");
        Map<String, Double> w = week(f, "Empty", "2026-01-05");
        assertEquals(0.0, w.get("conversations"));
        assertNull(w.get("response_rate"));
        assertNull(w.get("median_response_minutes"));
        assertNull(w.get("repeat_rate"));
        assertNull(w.get("reciprocity"));
        assertNull(w.get("canned_reply_share"));
        assertNull(w.get("personalization_score"));
        assertEquals(0.0, w.get("conversation_ratio"));
        assertEquals(0.0, w.get("promotional_share"));
    }

    @Test
    void deepConversations_countCrossPartyRepliesOfEarlierPeriodsToo() {
        Fixture f = new Fixture("x", "Deep");
        String a = f.person("p1").mentions(at("2025-12-30T10:00:00Z"), "@Deep hi");
        String b = f.brand().replies(a, at("2025-12-30T11:00:00Z"), "hello");
        String c = f.person("p1").replies(b, at("2025-12-31T11:00:00Z"), "thanks");
        f.brand().replies(c, at("2026-01-05T09:00:00Z"), "anytime");
        Map<String, Double> w = week(f, "Deep", "2026-01-05");
        assertEquals(1.0, w.get("conversations"));
        assertEquals(1.0, w.get("deep_conversation_share"));
    }

    @Test
    void reimportedMessagesAreCountedOnce() {
        Fixture f = new Fixture("x", "Twice");
        String a = f.person("p1").mentions(at("2026-01-05T10:00:00Z"), "@Twice hi");
        f.brand().replies(a, at("2026-01-05T10:30:00Z"), "hello");
        RapportApi api = new RapportApi(client);
        api.importFile("messages", f.csv());
        Map<String, Double> once = api.metrics("week", "2026-01-05", "x/Twice");
        api.importFile("messages", f.csv());
        assertEquals(once, api.metrics("week", "2026-01-05", "x/Twice"));
        assertEquals(1.0, once.get("conversations"));
        assertEquals(1.0, once.get("active_interactors"));
    }

    @Test
    void lateArrivingParentsRelinkTheThread() {
        Fixture f = new Fixture("x", "Late");
        String a = f.person("p1").mentions(at("2026-01-05T10:00:00Z"), "@Late hi");
        String b = f.brand().replies(a, at("2026-01-05T10:30:00Z"), "hello");
        f.person("p1").replies(b, at("2026-01-05T11:00:00Z"), "thanks");
        String[] files = f.split(1);
        RapportApi api = new RapportApi(client);
        api.importFile("messages", files[1]);
        Map<String, Double> before = api.metrics("week", "2026-01-05", "x/Late");
        assertEquals(1.0, before.get("conversations"));
        assertEquals(0.0, before.get("response_rate"), "one turn, opened by the reply to the orphaned brand message, unanswered");
        api.importFile("messages", files[0]);
        Map<String, Double> after = api.metrics("week", "2026-01-05", "x/Late");
        assertEquals(1.0, after.get("conversations"));
        assertEquals(0.5, after.get("response_rate"));
        assertEquals(30.0, after.get("median_response_minutes"));
    }

    @Test
    void followersAndNps_comeFromSnapshotsAndSurveysOfPeopleInScope() {
        Fixture f = new Fixture("x", "Context");
        String a = f.person("fan").mentions(at("2026-01-05T10:00:00Z"), "@Context hi");
        f.brand().replies(a, at("2026-01-05T10:30:00Z"), "hello fan");
        f.person("critic").replies(a, at("2026-01-05T11:00:00Z"), "meh");
        f.person("passive").mentions(at("2026-01-06T10:00:00Z"), "@Context ok");
        RapportApi api = new RapportApi(client);
        api.importFile("messages", f.csv());
        api.importFile("followers", "network,account,day,followers\nx,Context,2026-01-01,1000\nx,Context,2026-01-11,1500\nx,Context,2026-01-12,9999\n");
        api.importFile("surveys", "network,author_id,day,score\nx,fan,2026-01-07,10\nx,critic,2026-01-08,3\nx,passive,2026-01-09,8\nx,stranger,2026-01-09,0\n");
        Map<String, Double> w = api.metrics("week", "2026-01-05", "x/Context");
        // latest snapshot before 2026-01-12 is the 11th's; before 2026-01-05 the 1st's
        assertEquals(1500.0, w.get("followers"));
        assertEquals(500.0, w.get("follower_growth"));
        assertEquals(1000.0 * 1 / 1500, w.get("conversations_per_1k_followers"), 1e-12);
        // fan promoter, critic detractor, passive neither; the stranger never spoke to this account
        assertEquals(100 * (1.0 / 3 - 1.0 / 3), w.get("nps"), 1e-12);
    }
}
