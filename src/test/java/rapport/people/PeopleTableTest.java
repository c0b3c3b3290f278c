package rapport.people;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.Fixture;
import rapport.FreshDatabase;
import rapport.RapportApi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rapport.Fixture.at;

/**
 * Issue 11: each column of the people table against hand-built threads, one rule per test, each on its own
 * account. An anchor message on Wednesday 2026-03-25 fixes the window's end for every test: as_of is Monday
 * 2026-03-30, W = [2025-12-30, 2026-03-30), the window 90 days earlier [2025-10-01, 2025-12-30).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleTableTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PersonSummaryRefresher refresher;

    RapportApi api;

    @BeforeAll
    void anchor() {
        api = new RapportApi(client);
        Fixture f = new Fixture("x", "Anchor");
        f.person("anchor").mentions(at("2026-03-25T12:00:00Z"), "@Anchor hello");
        api.importFile("messages", f.csv());
    }

    /** Imports the fixture, recomputes the table and returns the account's rows by handle. */
    Map<String, Map<String, Object>> rows(Fixture f, String account) {
        api.importFile("messages", f.csv());
        refresher.refresh();
        return byHandle(page("accounts=x/" + account + "&limit=500"));
    }

    Map<String, Object> page(String query) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/people?" + query), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> byHandle(Map<String, Object> page) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Object row : (List<?>) page.get("rows")) {
            rows.put((String) ((Map<?, ?>) row).get("handle"), (Map<String, Object>) row);
        }
        return rows;
    }

    static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    @Test
    void messagesAmplificationsReactionsAndFirstAndLastSeen_countEveryMessageOfThePersonInTheScope() {
        Fixture f = new Fixture("x", "Counts");
        String post = f.brand().posts(at("2026-02-02T08:00:00Z"), "new kettle");
        f.person("p1").shares(post, at("2026-02-02T09:00:00Z"));
        f.person("p1").reacts(post, at("2026-02-03T09:00:00Z"));
        f.person("p1").replies(post, at("2026-02-04T09:00:00Z"), "nice");
        Map<String, Object> p1 = rows(f, "Counts").get("p1");
        assertEquals(3, number(p1, "messages"));
        assertEquals(1, number(p1, "amplifications"));
        assertEquals(1, number(p1, "reactions"));
        assertEquals("2026-02-02T09:00:00Z", p1.get("first_seen"));
        assertEquals("2026-02-04T09:00:00Z", p1.get("last_seen"));
        assertEquals("x/Counts", p1.get("accounts"));
    }

    @Test
    void inboundAndAnsweredTurnsAndMedianResponse_turnsThePersonOpenedAndTheTimeToTheFirstBrandMessageAfter() {
        Fixture f = new Fixture("x", "Turns");
        String a = f.person("p1").mentions(at("2026-02-02T10:00:00Z"), "@Turns one");
        String b = f.brand().replies(a, at("2026-02-02T10:10:00Z"), "first answer");
        String c = f.person("p1").replies(b, at("2026-02-02T10:20:00Z"), "two");
        f.brand().shares(c, at("2026-02-02T10:25:00Z")); // a share answers nothing
        f.brand().replies(c, at("2026-02-02T12:20:00Z"), "second answer");
        f.person("p1").replies(c, at("2026-02-02T13:00:00Z"), "three, never answered");
        f.person("p2").mentions(at("2026-02-03T10:00:00Z"), "@Turns hi");
        Map<String, Map<String, Object>> rows = rows(f, "Turns");
        assertEquals(3, number(rows.get("p1"), "inbound_turns"));
        assertEquals(2, number(rows.get("p1"), "answered_turns"));
        assertEquals(65.0, ((Number) rows.get("p1").get("median_response_minutes")).doubleValue());
        assertEquals(1, number(rows.get("p2"), "inbound_turns"));
        assertEquals(0, number(rows.get("p2"), "answered_turns"));
        assertNull(rows.get("p2").get("median_response_minutes"));
    }

    @Test
    void conversations_distinctThreadsWithACrossPartyReplyToOrFromThePerson() {
        Fixture f = new Fixture("x", "Talks");
        String ask = f.person("p1").mentions(at("2026-02-02T10:00:00Z"), "@Talks help");
        f.brand().replies(ask, at("2026-02-02T10:30:00Z"), "sure");
        String post = f.brand().posts(at("2026-02-03T08:00:00Z"), "news");
        f.person("p1").replies(post, at("2026-02-03T09:00:00Z"), "cool");
        String other = f.brand().posts(at("2026-02-04T08:00:00Z"), "more news");
        f.person("p1").shares(other, at("2026-02-04T09:00:00Z")); // not a conversation
        f.person("p2").mentions(at("2026-02-05T10:00:00Z"), "@Talks anyone?"); // never answered
        Map<String, Map<String, Object>> rows = rows(f, "Talks");
        assertEquals(2, number(rows.get("p1"), "conversations"));
        assertEquals(0, number(rows.get("p2"), "conversations"));
    }

    @Test
    void activeWeeksAndTier_section5OverTheNinetyDaysBeforeAsOf() {
        Fixture f = new Fixture("x", "Tiers");
        String post = f.brand().posts(at("2026-01-05T08:00:00Z"), "hello");
        // advocate: three ISO weeks in W and a share
        f.person("adv").mentions(at("2026-01-06T10:00:00Z"), "@Tiers a");
        f.person("adv").mentions(at("2026-01-13T10:00:00Z"), "@Tiers b");
        f.person("adv").shares(post, at("2026-02-17T10:00:00Z"));
        // three weeks without a share: regular
        f.person("reg").mentions(at("2026-01-06T10:00:00Z"), "@Tiers a");
        f.person("reg").mentions(at("2026-01-13T10:00:00Z"), "@Tiers b");
        f.person("reg").mentions(at("2026-01-20T10:00:00Z"), "@Tiers c");
        // two messages in one ISO week (Monday and Sunday): participant
        f.person("par").mentions(at("2026-03-02T00:00:00Z"), "@Tiers mon");
        f.person("par").mentions(at("2026-03-08T23:59:00Z"), "@Tiers sun");
        // active only before W (2025-12-29 is before 2025-12-30): lapsed
        f.person("lap").mentions(at("2025-12-29T23:00:00Z"), "@Tiers old");
        // reactions are not activity: no tier
        f.person("rea").reacts(post, at("2026-02-10T10:00:00Z"));
        Map<String, Map<String, Object>> rows = rows(f, "Tiers");
        assertEquals(List.of("advocate", "regular", "participant", "lapsed", "none"),
                List.of("adv", "reg", "par", "lap", "rea").stream().map(h -> rows.get(h).get("tier")).toList());
        assertEquals(List.of(3L, 3L, 1L, 0L, 0L),
                List.of("adv", "reg", "par", "lap", "rea").stream().map(h -> number(rows.get(h), "active_weeks")).toList());
    }

    @Test
    void tier90DaysAgo_theSameRuleOverTheWindowEndingNinetyDaysBeforeAsOf_andTheDriftingPreset() {
        Fixture f = new Fixture("x", "Drift");
        f.person("was-regular").mentions(at("2025-11-03T10:00:00Z"), "@Drift a");
        f.person("was-regular").mentions(at("2025-11-10T10:00:00Z"), "@Drift b");
        f.person("was-regular").mentions(at("2026-02-10T10:00:00Z"), "@Drift now once");
        f.person("still-regular").mentions(at("2025-11-03T10:00:00Z"), "@Drift a");
        f.person("still-regular").mentions(at("2025-11-10T10:00:00Z"), "@Drift b");
        f.person("still-regular").mentions(at("2026-02-10T10:00:00Z"), "@Drift c");
        f.person("still-regular").mentions(at("2026-02-17T10:00:00Z"), "@Drift d");
        f.person("gone").mentions(at("2025-12-01T10:00:00Z"), "@Drift a");
        f.person("gone").mentions(at("2025-12-08T10:00:00Z"), "@Drift b");
        Map<String, Map<String, Object>> rows = rows(f, "Drift");
        assertEquals("regular", rows.get("was-regular").get("tier_90_days_ago"));
        assertEquals("participant", rows.get("was-regular").get("tier"));
        assertEquals("regular", rows.get("gone").get("tier_90_days_ago"));
        assertEquals("lapsed", rows.get("gone").get("tier"));
        assertEquals("regular", rows.get("still-regular").get("tier"));
        assertEquals(Set.of("was-regular", "gone"), byHandle(page("accounts=x/Drift&preset=drifting")).keySet());
    }

    @Test
    void latestNps_theScoreOfTheirLatestSurveyAnswer() {
        Fixture f = new Fixture("x", "Scores");
        f.person("nps1").mentions(at("2026-02-02T10:00:00Z"), "@Scores hi");
        f.person("nps2").mentions(at("2026-02-02T10:00:00Z"), "@Scores hi");
        api.importFile("surveys", "network,author_id,day,score\nx,nps1,2026-01-10,3\nx,nps1,2026-02-10,9\n");
        Map<String, Map<String, Object>> rows = rows(f, "Scores");
        assertEquals(9, number(rows.get("nps1"), "latest_nps"));
        assertNull(rows.get("nps2").get("latest_nps"));
    }

    @Test
    void waitingPreset_personsWhoseLatestTurnIsUnanswered_oldestFirst() {
        Fixture f = new Fixture("x", "Waiting");
        String a = f.person("answered").mentions(at("2026-02-02T10:00:00Z"), "@Waiting q");
        f.brand().replies(a, at("2026-02-02T10:05:00Z"), "a");
        String b = f.person("late").mentions(at("2026-02-01T10:00:00Z"), "@Waiting q");
        f.brand().replies(b, at("2026-02-01T11:00:00Z"), "a");
        f.person("late").mentions(at("2026-03-01T10:00:00Z"), "@Waiting again?");
        f.person("early").mentions(at("2026-02-15T10:00:00Z"), "@Waiting q");
        Map<String, Map<String, Object>> rows = rows(f, "Waiting");
        assertNull(rows.get("answered").get("waiting_since"));
        assertEquals("2026-03-01T10:00:00Z", rows.get("late").get("waiting_since"));
        assertEquals(List.of("early", "late"), List.copyOf(byHandle(page("accounts=x/Waiting&preset=waiting")).keySet()));
    }

    @Test
    void newAndAdvocatesPresets() {
        Fixture f = new Fixture("x", "Presets");
        String post = f.brand().posts(at("2026-01-05T08:00:00Z"), "hello");
        f.person("old").mentions(at("2026-03-02T10:00:00Z"), "@Presets a");
        f.person("old").mentions(at("2026-03-24T10:00:00Z"), "@Presets b");
        f.person("fresh").mentions(at("2026-03-23T00:00:00Z"), "@Presets first, in the last week");
        f.person("adv").mentions(at("2026-01-06T10:00:00Z"), "@Presets a");
        f.person("adv").mentions(at("2026-01-13T10:00:00Z"), "@Presets b");
        f.person("adv").shares(post, at("2026-02-17T10:00:00Z"));
        rows(f, "Presets");
        assertEquals(Set.of("fresh"), byHandle(page("accounts=x/Presets&preset=new")).keySet());
        assertEquals(Set.of("adv"), byHandle(page("accounts=x/Presets&preset=advocates")).keySet());
    }

    @Test
    void filtersByTierHandleActivitySinceAndNetwork_andAccountsInTheAllScope() {
        Fixture x = new Fixture("x", "FilterA");
        x.person("Anna_B").mentions(at("2026-02-02T10:00:00Z"), "@FilterA hi");
        x.person("bob").mentions(at("2026-01-05T10:00:00Z"), "@FilterA hi");
        Fixture x2 = new Fixture("x", "FilterB");
        x2.person("Anna_B").mentions(at("2026-02-03T10:00:00Z"), "@FilterB hi");
        Fixture ig = new Fixture("instagram", "FilterC");
        ig.person("joanna").mentions(at("2026-02-03T10:00:00Z"), "@FilterC hi");
        api.importFile("messages", x.csv());
        api.importFile("messages", x2.csv());
        rows(ig, "FilterA");
        assertEquals(Set.of("Anna_B"), byHandle(page("accounts=x/FilterA&q=ANNA")).keySet());
        assertEquals(Set.of("Anna_B", "joanna"), byHandle(page("q=anna")).keySet());
        assertEquals(Set.of("joanna"), byHandle(page("q=anna&network=instagram")).keySet());
        assertEquals("x/FilterA,x/FilterB", byHandle(page("q=anna_b")).get("Anna_B").get("accounts"));
        assertEquals(2, number(byHandle(page("q=anna_b")).get("Anna_B"), "messages"));
        assertEquals(Set.of("Anna_B"), byHandle(page("accounts=x/FilterA&activeSince=2026-02-01")).keySet());
        assertEquals(Set.of("Anna_B", "bob"), byHandle(page("accounts=x/FilterA&tier=participant")).keySet());
        assertEquals(Set.of(), byHandle(page("accounts=x/FilterA&tier=advocate,lapsed")).keySet());
        assertEquals(Set.of(), byHandle(page("accounts=x/FilterA&q=%25")).keySet()); // % is text, not a wildcard
    }

    @Test
    void keysetPagesAreStableUnderTies_everyPersonOnceInBothDirections() {
        Fixture f = new Fixture("x", "Ties");
        for (int i = 0; i < 37; i++) {
            f.person("tie" + i).mentions(at("2026-02-02T10:00:00Z"), "@Ties same time, same count");
        }
        rows(f, "Ties");
        for (String dir : List.of("asc", "desc")) {
            List<String> seen = new ArrayList<>();
            String after = null;
            do {
                Map<String, Object> page = page("accounts=x/Ties&sort=messages&dir=" + dir + "&limit=5" + (after == null ? "" : "&after=" + after));
                seen.addAll(byHandle(page).keySet());
                after = (String) page.get("next");
            } while (after != null);
            assertEquals(37, seen.size(), dir);
            assertEquals(37, new HashSet<>(seen).size(), dir);
        }
    }

    @Test
    void everyColumnSortsBothWays_pageByPage() {
        Fixture f = new Fixture("x", "Sorts");
        String post = f.brand().posts(at("2026-01-05T08:00:00Z"), "hello");
        for (int i = 0; i < 9; i++) {
            String ask = f.person("s" + i).mentions(at("2026-01-06T10:00:00Z").plusSeconds(86_400L * 7 * (i % 4)), "@Sorts q" + i);
            if (i % 3 == 0) {
                f.brand().replies(ask, f.after(ask, 5 * (i + 1)), "a" + i);
            }
            for (int k = 0; k < i % 3; k++) {
                f.person("s" + i).shares(post, at("2026-02-20T10:00:00Z").plusSeconds(k));
            }
        }
        rows(f, "Sorts");
        for (PeopleColumn column : PeopleColumn.values()) {
            List<String> asc = walk(column, "asc");
            List<String> desc = walk(column, "desc");
            assertEquals(9, asc.size(), column.key);
            assertEquals(9, new HashSet<>(asc).size(), column.key);
            List<String> reversed = new ArrayList<>(desc);
            java.util.Collections.reverse(reversed);
            assertEquals(asc, reversed, column.key);
        }
        // the order is the column's: numbers rise, nulls come last
        for (String column : List.of("messages", "active_weeks", "amplifications", "median_response_minutes", "answered_turns")) {
            List<Double> values = new ArrayList<>();
            for (String handle : walk(PeopleColumn.fromKey(column), "asc")) {
                Object v = byHandle(page("accounts=x/Sorts&q=" + handle)).get(handle).get(column);
                values.add(v == null ? Double.POSITIVE_INFINITY : ((Number) v).doubleValue());
            }
            List<Double> sorted = new ArrayList<>(values);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, values, column);
            assertTrue(new HashSet<>(values).size() > 1, column);
        }
    }

    List<String> walk(PeopleColumn column, String dir) {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = page("accounts=x/Sorts&sort=" + column.key + "&dir=" + dir + "&limit=2" + (after == null ? "" : "&after=" + after));
            seen.addAll(byHandle(page).keySet());
            after = (String) page.get("next");
        } while (after != null);
        return seen;
    }

    @Test
    void badParametersAreNamed() {
        for (String[] bad : new String[][]{{"sort=height", "sort"}, {"dir=up", "dir"}, {"tier=vip", "tier"}, {"preset=vips", "preset"},
                {"activeSince=yesterday", "activeSince"}, {"limit=0", "limit"}, {"after=%21%21", "after"}}) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> page(bad[0]));
            assertEquals(400, e.getStatus().getCode(), bad[0]);
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains(bad[1]), bad[0]);
        }
    }
}
