package rapport.metrics;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rapport.FreshDatabase;
import rapport.RapportApi;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric, every week, for two brands of the real twcs slice, cell by cell against values computed
 * independently (scripts/reference_metrics.py, hand-checked in docs/reference-oracle.md).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class TwcsReferenceTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    RapportApi api;

    @BeforeAll
    void importSlice() throws IOException {
        api = new RapportApi(client);
        api.importFile("twcs", Files.readString(Path.of("src/test/resources/twcs/twcs-sample.csv")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ChipotleTweets", "AmazonHelp"})
    void exportMatchesTheReferenceCellByCell(String brand) throws IOException {
        Map<String, String> expected = cells(Files.readString(Path.of("src/test/resources/reference/twcs-weekly-" + brand + ".csv")));
        List<String> weeks = expected.keySet().stream().map(k -> k.split("\\|")[0]).sorted().toList();
        String csv = api.get("/api/export/metrics.csv?grain=week&accounts=x/" + brand
                + "&from=" + weeks.get(0) + "&to=" + weeks.get(weeks.size() - 1));
        Map<String, String> actual = cells(csv);
        assertEquals(expected.keySet(), actual.keySet());
        List<String> mismatches = new ArrayList<>();
        expected.forEach((cell, value) -> {
            if (!sameNumber(value, actual.get(cell))) {
                mismatches.add(cell + ": expected " + value + ", got " + actual.get(cell));
            }
        });
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    /** period_start|period_end|grain|scope|metric → value */
    public static Map<String, String> cells(String csv) throws IOException {
        Map<String, String> cells = new LinkedHashMap<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            cells.put(String.join("|", r.get("period_start"), r.get("period_end"), r.get("grain"), r.get("scope"), r.get("metric")),
                    r.get("value"));
        }
        return cells;
    }

    public static boolean sameNumber(String expected, String actual) {
        if (expected.isEmpty() || actual == null || actual.isEmpty()) {
            return expected.isEmpty() && actual != null && actual.isEmpty();
        }
        double e = Double.parseDouble(expected);
        double a = Double.parseDouble(actual);
        return Math.abs(e - a) <= 1e-9 * Math.max(1, Math.abs(e));
    }
}
