package rapport.demo;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.ingest.ImportReport;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo brand is valid input for every importer and fills every panel with last week's real numbers. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void everyGeneratedRowImportsAndLastWeekHasEveryMetric() {
        DemoDataGenerator.DemoFiles files = new DemoDataGenerator(7, Instant.now()).generate();
        RapportApi api = new RapportApi(client);
        for (Map.Entry<String, String> file : Map.of("messages", files.messages(), "followers", files.followers(),
                "surveys", files.surveys()).entrySet()) {
            ImportReport report = api.importFile(file.getKey(), file.getValue());
            assertEquals(0, report.rejected(), () -> file.getKey() + ": " + report.problems());
            assertTrue(report.inserted() > 100, file.getKey() + " rows: " + report.inserted());
        }
        LocalDate lastMonday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        Map<String, Double> lastWeek = api.metrics("week", lastMonday.toString(), null);
        lastWeek.forEach((metric, value) -> assertNotNull(value, metric + " is empty for last week"));
        assertTrue(lastWeek.get("canned_reply_share") > 0.1 && lastWeek.get("canned_reply_share") < 0.9);
        assertTrue(lastWeek.get("advocates") > 0);
        assertTrue(lastWeek.get("new_interactors") > 0);
    }
}
