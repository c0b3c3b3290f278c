package rapport.metrics;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;
import rapport.RapportApi;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** METRICS.md §8, the worked example: every value of its table, through the import and the API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkedExampleTest implements FreshDatabase {

    static final String EXAMPLE = """
            network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text
            x,A,m1,p1,p1,false,mention,2026-01-05T10:00:00Z,,@A my order is late
            x,A,m2,p1,p1,false,reply,2026-01-05T10:05:00Z,m1,hello?
            x,A,m3,A,A,true,reply,2026-01-05T10:35:00Z,m2,@p1 sorry! which order number?
            x,A,m4,p1,p1,false,reply,2026-01-05T11:00:00Z,m3,@A 12345
            x,A,m5,A,A,true,reply,2026-01-05T13:00:00Z,m4,"@p1 found it, arriving Thursday"
            x,A,m6,p2,p2,false,mention,2026-01-06T09:00:00Z,,@A hi
            x,A,m7,A,A,true,post,2026-01-07T09:00:00Z,,Big sale today
            x,A,m8,p3,p3,false,share,2026-01-07T10:00:00Z,m7,
            x,A,m9,p3,p3,false,reaction,2026-01-07T10:01:00Z,m7,
            """;

    @Inject
    @Client("/")
    HttpClient client;

    Map<String, Double> week;

    @BeforeAll
    void importExample() {
        RapportApi api = new RapportApi(client);
        api.importFile("messages", EXAMPLE);
        week = api.metrics("week", "2026-01-05", "x/A");
    }

    @Test
    void oneThreadWithThreeCrossPartyRepliesIsOneDeepConversation() {
        assertEquals(1.0, week.get("conversations"));
        assertEquals(1.0, week.get("deep_conversation_share"));
    }

    @Test
    void p3IsActiveThroughTheShare() {
        assertEquals(3.0, week.get("active_interactors"));
        assertEquals(3.0, week.get("new_interactors"));
        assertEquals(0.0, week.get("repeat_interactors"));
        assertEquals(0.0, week.get("repeat_rate"));
        assertEquals(0.0, week.get("advocates"));
    }

    @Test
    void threeTurnsTwoAnsweredAfter35And120Minutes() {
        assertEquals(2.0 / 3, week.get("response_rate"));
        assertEquals(2.0 / 3, week.get("response_within_sla_rate"));
        assertEquals(77.5, week.get("median_response_minutes"));
        assertEquals(120.0, week.get("p90_response_minutes"));
        assertEquals(0.5, week.get("reciprocity"));
    }

    @Test
    void brandVoice() {
        assertEquals(0.0, week.get("canned_reply_share"));
        assertEquals(100.0, week.get("personalization_score"));
        assertEquals(2.0 / 3, week.get("conversation_ratio"));
        assertEquals(1.0, week.get("promotional_share"));
        assertEquals(1.0, week.get("amplification_per_post"));
        assertEquals(1.0, week.get("applause_per_post"));
    }

    @Test
    void withoutSnapshotsOrSurveysTheContextMetricsAreNull() {
        assertNull(week.get("followers"));
        assertNull(week.get("follower_growth"));
        assertNull(week.get("conversations_per_1k_followers"));
        assertNull(week.get("nps"));
    }
}
