package rapport.ingest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import rapport.FreshDatabase;
import rapport.RapportApi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The sample of each format in docs/samples imports without a rejected row, so docs/import-formats.md never
 * shows a file that Rapport refuses; the messages sample is the worked example of docs/metric-definitions.md §8.
 * The order matters here by design: the NDJSON sample holds the same messages as the CSV one.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentedSamplesTest implements FreshDatabase {

    private static final Path SAMPLES = Path.of("docs/samples");

    @Inject
    @Client("/")
    HttpClient client;

    private ImportReport importSample(String format, String file) throws Exception {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/imports?format=" + format + "&name=" + file,
                Files.readAllBytes(SAMPLES.resolve(file))).contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE), ImportReport.class);
    }

    private static void assertAllImported(ImportReport report, long rows) {
        assertEquals("done", report.state());
        assertEquals(rows, report.rowsRead());
        assertEquals(0, report.rejected(), () -> String.valueOf(report.problems()));
        assertEquals(0, report.unattributed(), () -> String.valueOf(report.problems()));
    }

    @Test
    @Order(1)
    void theMessagesSampleIsTheWorkedExampleAndGivesItsValues() throws Exception {
        ImportReport report = importSample("messages", "messages.csv");
        assertAllImported(report, 9);
        assertEquals(9, report.inserted());
        assertEquals("messages.csv", report.fileName());
        Map<String, Double> week = new RapportApi(client).metrics("week", "2026-01-05", "x/A");
        assertEquals(1.0, week.get("conversations"));
        assertEquals(77.5, week.get("median_response_minutes"));
        assertEquals(120.0, week.get("p90_response_minutes"));
        assertEquals(2.0 / 3, week.get("response_rate"), 1e-12);
        assertEquals(0.5, week.get("reciprocity"));
        assertEquals(1.0, week.get("promotional_share"));
        assertNull(week.get("nps"));
    }

    @Test
    @Order(2)
    void theNdjsonSampleHoldsTheSameMessagesSoNothingChanges() throws Exception {
        ImportReport report = importSample("messages-ndjson", "messages.ndjson");
        assertAllImported(report, 9);
        assertEquals(0, report.inserted());
        assertEquals(0, report.updated());
        assertEquals(9, report.unchanged());
    }

    @Test
    @Order(3)
    void theFollowersSampleImportsAndAReimportIsUnchanged() throws Exception {
        assertAllImported(importSample("followers", "followers.csv"), 2);
        ImportReport again = importSample("followers", "followers.csv");
        assertEquals(0, again.inserted());
        assertEquals(0, again.updated());
        assertEquals(2, again.unchanged());
        assertEquals(1215.0, new RapportApi(client).metrics("week", "2026-01-05", "x/A").get("followers"));
    }

    @Test
    @Order(4)
    void theSurveysSampleImports() throws Exception {
        ImportReport report = importSample("surveys", "surveys.csv");
        assertAllImported(report, 3);
        assertEquals(3, report.inserted());
        // p1 scores 9, p2 6, p3 10: two promoters and one detractor of three
        assertEquals(100.0 / 3, new RapportApi(client).metrics("week", "2026-01-05", "x/A").get("nps"), 1e-9);
    }

    @Test
    @Order(5)
    void theTwcsSampleImportsWithEveryRowAttributed() throws Exception {
        ImportReport report = importSample("twcs", "twcs.csv");
        assertAllImported(report, 7);
        assertEquals(7, report.inserted());
    }

    @Test
    @Order(6)
    void anImportSentWithoutANameIsNamedAfterItsContentDisposition() throws Exception {
        ImportReport report = client.toBlocking().retrieve(HttpRequest.POST("/api/imports?format=surveys",
                        Files.readAllBytes(SAMPLES.resolve("surveys.csv")))
                .contentType(MediaType.TEXT_PLAIN_TYPE)
                .header("Content-Disposition", "attachment; filename=\"surveys.csv\""), ImportReport.class);
        assertEquals("surveys.csv", report.fileName());
        assertEquals(3, report.unchanged());
        assertEquals("b.csv", ImportController.fileName("", "attachment; filename*=UTF-8''b.csv"));
        assertEquals("c.csv", ImportController.fileName("", "form-data; name=file; filename=/tmp/c.csv"));
        assertEquals("given.csv", ImportController.fileName("given.csv", "attachment; filename=other.csv"));
        assertNull(ImportController.fileName("", null));
    }
}
