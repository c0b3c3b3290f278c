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
import rapport.TestDatabase;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rapport.Fixture.at;

/** METRICS.md §2: periods begin at midnight in the workspace time zone, here Europe/Paris (UTC+1 in winter). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeZoneTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh());
        properties.put("rapport.time-zone", "Europe/Paris");
        return properties;
    }

    @Test
    void aMessageAt2330UtcOnSundayBelongsToMondaysWeekInParis() {
        Fixture f = new Fixture("x", "Paris");
        // Sunday 23:30 UTC is Monday 00:30 in Paris
        f.person("p1").mentions(at("2026-01-04T23:30:00Z"), "@Paris bonjour");
        // Monday 2026-01-12 00:30 Paris is still Sunday 23:30 UTC: in the week of Jan 12 too, not Jan 5
        f.person("p2").mentions(at("2026-01-11T23:30:00Z"), "@Paris salut");
        RapportApi api = new RapportApi(client);
        api.importFile("messages", f.csv());
        assertEquals(0.0, api.metrics("week", "2025-12-29", "x/Paris").get("active_interactors"));
        assertEquals(1.0, api.metrics("week", "2026-01-05", "x/Paris").get("active_interactors"));
        assertEquals(1.0, api.metrics("week", "2026-01-12", "x/Paris").get("active_interactors"));
    }

    @Test
    void monthsAlsoTurnAtLocalMidnight() {
        Fixture f = new Fixture("x", "ParisMonth");
        // 2026-01-31T23:30Z is February 1st, 00:30 in Paris
        f.person("p1").mentions(at("2026-01-31T23:30:00Z"), "@ParisMonth février");
        RapportApi api = new RapportApi(client);
        api.importFile("messages", f.csv());
        assertEquals(0.0, api.metrics("month", "2026-01-01", "x/ParisMonth").get("active_interactors"));
        assertEquals(1.0, api.metrics("month", "2026-02-01", "x/ParisMonth").get("active_interactors"));
    }
}
