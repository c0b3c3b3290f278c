package rapport.metrics;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.Fixture;
import rapport.RapportApi;
import rapport.TestDatabase;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rapport.Fixture.at;

/**
 * Kept periods in a workspace on New York time, by month: a month ends at local midnight (05:00 UTC in winter,
 * 04:00 in summer), and a change is kept out of every month ending after its instant. Six months, January to June
 * 2026; daylight saving time starts on 8 March.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptPeriodsNewYorkTest implements TestPropertyProvider {

    private static final String SIX_MONTHS = "/api/metrics?grain=month&from=2026-01-01&to=2026-06-01&accounts=";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh());
        properties.put("rapport.time-zone", "America/New_York");
        return properties;
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    KeptPeriodsCheck check;

    @Test
    void aMessageOnTheLastEveningOfFebruaryInNewYork_isFebruarysSoFebruaryIsComputedAgain() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Evening");
        f.person("p1").mentions(at("2026-01-15T15:00:00Z"), "@Evening hello");
        // 22:00 on 28 February in New York, already 1 March in UTC
        f.person("p2").mentions(at("2026-03-01T03:00:00Z"), "@Evening late");
        String[] parts = f.split(1);
        api.importFile("messages", parts[0]);
        api.get(SIX_MONTHS + "x/Evening");

        api.importFile("messages", parts[1]);

        assertMonthsKeptAndWholeEqual(api, "x/Evening", 1);
        assertEquals(1.0, api.metrics("month", "2026-02-01", "x/Evening").get("active_interactors"));
    }

    @Test
    void aLateAnswerAcrossTheChangeToSummerTime_changesMarchsResponseRate() {
        RapportApi api = new RapportApi(client);
        Fixture f = new Fixture("x", "Summer");
        String ask = f.person("p1").mentions(at("2026-03-08T04:30:00Z"), "@Summer where is my order");
        f.brand().replies(ask, at("2026-05-12T14:00:00Z"), "@p1 on its way");
        String[] parts = f.split(1);
        api.importFile("messages", parts[0]);
        assertEquals(0.0, api.metrics("month", "2026-03-01", "x/Summer").get("response_rate"));
        api.get(SIX_MONTHS + "x/Summer");

        api.importFile("messages", parts[1]);

        // the thread is derived again from 7 March, 23:30 in New York: January and February are kept
        assertMonthsKeptAndWholeEqual(api, "x/Summer", 2);
        assertEquals(1.0, api.metrics("month", "2026-03-01", "x/Summer").get("response_rate"));
    }

    /** The six months as served now: so many of them kept, and the same answer as computed whole. */
    private void assertMonthsKeptAndWholeEqual(RapportApi api, String accounts, int monthsKept) {
        check.assertKeptAndWholeEqual(api, monthsKept, 6, SIX_MONTHS + accounts);
    }
}
