package rapport.people;

import io.micronaut.core.type.Argument;
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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rapport.Fixture.at;

/** Issue 11: a person's profile: threads with the brand's replies in place, turns' response times, canned replies, tiers, answers. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonProfileTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PersonSummaryRefresher refresher;

    @Test
    @SuppressWarnings("unchecked")
    void theProfileShowsTheirThreadsTurnsCannedRepliesTiersAndAnswers() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Shop");
        String ask = f.person("p1").mentions(at("2026-01-05T10:00:00Z"), "@Shop my order is late");
        String more = f.person("p1").replies(ask, at("2026-01-05T10:05:00Z"), "hello?");
        String answer = f.brand().replies(more, at("2026-01-05T10:35:00Z"), "@p1 sorry to hear that, please DM us your order number");
        f.person("p1").replies(answer, at("2026-01-12T11:00:00Z"), "done");
        // the same reply to two more people: a template (≥ 3 replies to ≥ 3 persons), so canned
        for (String other : List.of("p2", "p3")) {
            String q = f.person(other).mentions(at("2026-01-06T10:00:00Z"), "@Shop where is my parcel");
            f.brand().replies(q, at("2026-01-06T10:10:00Z"), "@" + other + " sorry to hear that, please DM us your order number");
        }
        api.importFile("messages", f.csv());
        api.importFile("surveys", "network,author_id,day,score\nx,p1,2026-01-08,7\n");
        refresher.refresh();

        Map<String, Object> profile = client.toBlocking().retrieve(HttpRequest.GET("/api/people/profile?network=x&author_id=p1"),
                Argument.mapOf(String.class, Object.class));
        assertEquals("p1", profile.get("handle"));
        List<Map<String, Object>> threads = (List<Map<String, Object>>) profile.get("threads");
        assertEquals(1, threads.size());
        List<Map<String, Object>> messages = (List<Map<String, Object>>) threads.get(0).get("messages");
        assertEquals(List.of("mention", "reply", "reply", "reply"), messages.stream().map(m -> m.get("kind")).toList());
        assertEquals(List.of(true, true, false, true), messages.stream().map(m -> m.get("own")).toList());
        assertEquals(35.0, ((Number) messages.get(0).get("responseMinutes")).doubleValue());
        assertEquals(true, messages.get(0).get("opensTurn"));
        assertEquals(false, messages.get(1).get("opensTurn"));
        assertEquals(true, messages.get(2).get("canned"));
        assertEquals(true, messages.get(3).get("opensTurn"));
        assertNull(messages.get(3).get("responseMinutes"));
        assertEquals("x/Shop", messages.get(2).get("account"));

        Map<String, Object> totals = (Map<String, Object>) profile.get("totals");
        assertEquals(3, ((Number) totals.get("messages")).intValue());
        assertEquals(2, ((Number) totals.get("inbound_turns")).intValue());
        assertEquals(List.of(Map.of("day", "2026-01-08", "score", 7)), profile.get("surveys"));

        List<Map<String, Object>> history = (List<Map<String, Object>>) profile.get("tierHistory");
        assertEquals(26, history.size());
        // as_of is Monday 2026-01-19: active in the weeks of 01-05 and 01-12, so regular at the end; participant a week earlier
        assertEquals("2026-01-19T00:00:00Z", history.get(25).get("weekEnd"));
        assertEquals("regular", history.get(25).get("tier"));
        assertEquals("participant", history.get(24).get("tier"));
        assertEquals("none", history.get(23).get("tier"));
        assertTrue(history.stream().limit(23).allMatch(w -> w.get("tier").equals("none")));
    }
}
