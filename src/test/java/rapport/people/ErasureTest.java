package rapport.people;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.Fixture;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rapport.Fixture.at;

/**
 * Issue 11, end to end: an admin erases a person; their messages, answers and facts are gone, the metrics of
 * their account change accordingly, the people table no longer lists them, and the log holds only who, when, which key.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PersonSummaryRefresher refresher;

    @Inject
    Database database;

    @Test
    void erasingAPersonRemovesTheirDataAndTheMetricsAreRecomputed() throws Exception {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Erase");
        String ask = f.person("gone").mentions(at("2026-01-05T10:00:00Z"), "@Erase my address is 1 Secret Road");
        f.brand().replies(ask, at("2026-01-05T10:30:00Z"), "@gone thanks, fixed");
        String other = f.person("stays").mentions(at("2026-01-06T10:00:00Z"), "@Erase hi");
        f.brand().replies(other, at("2026-01-06T11:30:00Z"), "@stays hello");
        api.importFile("messages", f.csv());
        api.importFile("surveys", "network,author_id,day,score\nx,gone,2026-01-07,2\nx,stays,2026-01-07,10\n");
        Map<String, Double> before = api.metrics("week", "2026-01-05", "x/Erase");
        assertEquals(2.0, before.get("active_interactors"));
        assertEquals(0.0, before.get("nps"));
        assertEquals(60.0, before.get("median_response_minutes"));

        Map<String, Object> report = client.toBlocking().retrieve(HttpRequest.POST("/api/people/erasures", Map.of("network", "x", "author_id", "gone")),
                Argument.mapOf(String.class, Object.class));
        assertEquals(1, ((Number) report.get("messages")).intValue());
        assertEquals(1, ((Number) report.get("surveys")).intValue());

        Map<String, Double> after = api.metrics("week", "2026-01-05", "x/Erase");
        assertEquals(1.0, after.get("active_interactors"));
        assertEquals(100.0, after.get("nps"));
        assertEquals(90.0, after.get("median_response_minutes"));
        // the brand's reply to them stays, now a thread of its own: no turn, no conversation
        assertEquals(1.0, after.get("conversations"));

        refresher.refresh();
        Map<String, Object> page = client.toBlocking().retrieve(HttpRequest.GET("/api/people?accounts=x/Erase"), Argument.mapOf(String.class, Object.class));
        assertEquals(List.of("stays"), ((List<?>) page.get("rows")).stream().map(r -> ((Map<?, ?>) r).get("handle")).toList());

        try (Connection c = database.connection(); Statement st = c.createStatement()) {
            assertEquals(0, count(st, "select count(*) from message where author_id = 'gone' or text like '%Secret Road%'"));
            assertEquals(0, count(st, "select count(*) from survey_response where author_id = 'gone'"));
            assertEquals(0, count(st, "select count(*) from person where author_id = 'gone'"));
            assertEquals(0, count(st, "select count(*) from person_summary s join person p on p.id = s.person_id where p.author_id = 'gone'"));
            try (ResultSet rs = st.executeQuery("select erased_by, network, author_id, erased_at from erasure_log")) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).isBlank());
                assertEquals("x", rs.getString(2));
                assertEquals("gone", rs.getString(3));
                assertFalse(rs.next());
            }
        }
        HttpClientResponseException again = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(HttpRequest.POST("/api/people/erasures", Map.of("network", "x", "author_id", "gone"))));
        assertEquals(404, again.getStatus().getCode());
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(HttpRequest.POST("/api/people/erasures", Map.of("network", "x"))));
        assertEquals(400, missing.getStatus().getCode());
        assertTrue(missing.getResponse().getBody(String.class).orElse("").contains("author_id"));
    }

    static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
