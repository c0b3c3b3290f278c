package rapport.metrics;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.Fixture;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.metrics.rollup.RollupRefresher;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static rapport.Fixture.at;

/**
 * Imports that change figures of earlier weeks are seen at once, even when those weeks were served from a
 * rollup and kept in memory before. Each test on its own account. Weeks: 2026-01-05 and 2026-01-12 are Mondays.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalImportTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RollupRefresher refresher;

    @Test
    void thread_aLateParentRelinksTheThreadAndChangesAnEarlierWeeksTurnsAndConversations() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Relink");
        String ask = f.person("p1").mentions(at("2026-01-05T10:00:00Z"), "@Relink my order");
        String more = f.person("p1").replies(ask, at("2026-01-05T10:30:00Z"), "it is late");
        f.brand().replies(more, at("2026-01-05T11:00:00Z"), "sorry, on its way");
        String withoutParent = f.csv().lines().filter(line -> !line.startsWith("x,Relink," + more + ","))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        api.importFile("messages", withoutParent);
        refresher.refreshNow();
        Map<String, Double> before = api.metrics("week", "2026-01-05", "x/Relink");
        // the brand's reply waits for its parent: it is a thread of its own, the question's turn unanswered
        assertEquals(0.0, before.get("conversations"));
        assertEquals(0.0, before.get("response_rate"));

        api.importFile("messages", f.csv());

        Map<String, Double> after = api.metrics("week", "2026-01-05", "x/Relink");
        assertEquals(1.0, after.get("conversations"), "the reply now answers p1 in one thread");
        assertEquals(1.0, after.get("response_rate"));
        assertEquals(60.0, after.get("median_response_minutes"), "the turn starts at the question, 10:00");
    }

    @Test
    void cannedReplies_aGroupReachingThreePersonsOnImportMakesEarlierWeeksRepliesCanned() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Canned");
        for (String person : new String[]{"p1", "p2"}) {
            String ask = f.person(person).mentions(at("2026-01-06T09:00:00Z"), "@Canned help");
            f.brand().replies(ask, at("2026-01-06T10:00:00Z"), "@" + person + " Please DM us your order number and we will check it");
        }
        api.importFile("messages", f.csv());
        refresher.refreshNow();
        assertEquals(0.0, api.metrics("week", "2026-01-05", "x/Canned").get("canned_reply_share"),
                "two persons: not yet a template");

        Fixture later = new Fixture("x", "Canned");
        String ask = later.person("p3").mentions(at("2026-01-13T09:00:00Z"), "@Canned help");
        later.brand().replies(ask, at("2026-01-13T10:00:00Z"), "@p3 Please DM us your order number and we will check it");
        api.importFile("messages", later.csv().replace("Canned-", "Canned-later-"));

        assertEquals(1.0, api.metrics("week", "2026-01-05", "x/Canned").get("canned_reply_share"),
                "the group now holds three replies to three persons: last week's replies are canned too");
        assertEquals(1.0, api.metrics("week", "2026-01-12", "x/Canned").get("canned_reply_share"));
        assertNull(api.metrics("week", "2026-01-19", "x/Canned").get("canned_reply_share"));
    }
}
