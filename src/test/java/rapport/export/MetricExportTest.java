package rapport.export;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.demo.DemoDataGenerator;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11: every export holds exactly what the API answers for the same query. Demo brand and twcs slice. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricExportTest implements FreshDatabase {

    static final String QUERY = "grain=week&from=2017-10-02&to=2017-12-04&accounts=x/AmazonHelp,x/ChipotleTweets";

    @Inject
    @Client("/")
    HttpClient client;

    RapportApi api;

    @BeforeAll
    void importData() throws IOException {
        api = new RapportApi(client);
        api.importFile("twcs", Files.readString(Path.of("src/test/resources/twcs/twcs-sample.csv")));
        DemoDataGenerator.DemoFiles demo = new DemoDataGenerator(2026, Instant.parse("2026-03-25T12:00:00Z")).generate();
        api.importFile("messages", demo.messages());
        api.importFile("surveys", demo.surveys());
    }

    Map<String, Object> json(String uri) {
        return client.toBlocking().retrieve(HttpRequest.GET(uri), Argument.mapOf(String.class, Object.class));
    }

    static List<CSVRecord> records(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    /** value and n of every point of a /api/metrics answer, as the CSV writes them. */
    static List<List<String>> cells(Map<String, Object> report) {
        List<List<String>> cells = new ArrayList<>();
        for (Object s : (List<?>) report.get("series")) {
            Map<?, ?> series = (Map<?, ?>) s;
            for (Object p : (List<?>) series.get("points")) {
                Map<?, ?> point = (Map<?, ?>) p;
                Object value = point.get("value");
                cells.add(List.of((String) point.get("periodStart"), (String) report.get("scope"), (String) series.get("metric"),
                        value == null ? "" : SpreadsheetCsv.cell(((Number) value).doubleValue()),
                        point.get("n") == null ? "" : point.get("n").toString()));
            }
        }
        return cells;
    }

    @Test
    void longCsvHoldsTheValueAndNOfTheMetricsApi() throws IOException {
        List<List<String>> expected = cells(json("/api/metrics?" + QUERY));
        List<List<String>> actual = records(api.get("/api/export/metrics.csv?" + QUERY)).stream()
                .map(r -> List.of(r.get("period_start"), r.get("scope"), r.get("metric"), r.get("value"), r.get("n"))).toList();
        assertEquals(expected, actual);
        assertTrue(expected.size() >= 10 * 22);
    }

    @Test
    void wideCsvHasOneRowPerPeriodAndAValueAndNColumnPerMetric() throws IOException {
        List<List<String>> expected = cells(json("/api/metrics?metrics=response_rate,conversations&" + QUERY));
        List<CSVRecord> rows = records(api.get("/api/export/metrics.csv?format=wide&metrics=response_rate,conversations&" + QUERY));
        assertEquals(List.of("period_start", "period_end", "grain", "scope", "response_rate", "response_rate_n", "conversations", "conversations_n"),
                rows.get(0).getParser().getHeaderNames());
        List<List<String>> actual = new ArrayList<>();
        for (String metric : List.of("response_rate", "conversations")) {
            for (CSVRecord r : rows) {
                actual.add(List.of(r.get("period_start"), r.get("scope"), metric, r.get(metric), r.get(metric + "_n")));
            }
        }
        assertEquals(expected, actual);
        assertEquals(10, rows.size());
    }

    @Test
    void byAccountExportsOneScopePerAccountInOneFile() throws IOException {
        String byAccount = api.get("/api/export/metrics.csv?by=account&metrics=active_interactors&" + QUERY);
        List<List<String>> expected = new ArrayList<>();
        for (String account : List.of("x/AmazonHelp", "x/ChipotleTweets")) {
            expected.addAll(cells(json("/api/metrics?metrics=active_interactors&grain=week&from=2017-10-02&to=2017-12-04&accounts=" + account)));
        }
        List<List<String>> actual = records(byAccount).stream()
                .map(r -> List.of(r.get("period_start"), r.get("scope"), r.get("metric"), r.get("value"), r.get("n"))).toList();
        assertEquals(expected, actual);
    }

    @Test
    void jsonExportIsTheMetricsApiAnswerPerScope() {
        Map<String, Object> export = json("/api/export/metrics.json?" + QUERY);
        assertEquals(List.of(json("/api/metrics?" + QUERY)), export.get("reports"));
        Map<String, Object> each = json("/api/export/metrics.json?by=account&metrics=nps&accounts=x/AmazonHelp,x/ChipotleTweets");
        assertEquals(List.of(json("/api/metrics?metrics=nps&accounts=x/AmazonHelp"), json("/api/metrics?metrics=nps&accounts=x/ChipotleTweets")),
                each.get("reports"));
    }

    @Test
    void tierCountsAndFlowsAreThoseOfTheTiersView() throws IOException {
        String query = "grain=week&from=2026-01-05&to=2026-03-23";
        Map<String, Object> view = json("/api/tiers?" + query);
        List<List<String>> expected = new ArrayList<>();
        for (Object p : (List<?>) view.get("periods")) {
            Map<?, ?> period = (Map<?, ?>) p;
            ((Map<?, ?>) period.get("counts")).forEach((tier, people) -> expected.add(List.of((String) period.get("periodStart"), (String) tier, people.toString())));
        }
        List<List<String>> actual = records(api.get("/api/export/tiers.csv?" + query)).stream()
                .map(r -> List.of(r.get("period_start"), r.get("tier"), r.get("people"))).toList();
        assertEquals(expected, actual);
        List<List<String>> flows = records(api.get("/api/export/tier-flows.csv?" + query)).stream()
                .map(r -> List.of(r.get("period_start"), r.get("from_tier"), r.get("to_tier"), r.get("people"))).toList();
        List<List<String>> expectedFlows = ((List<?>) view.get("transitions")).stream().map(t -> (Map<?, ?>) t)
                .map(t -> List.of((String) t.get("periodStart"), (String) t.get("from"), (String) t.get("to"), t.get("count").toString())).toList();
        assertEquals(expectedFlows, flows);
        assertTrue(flows.size() > 10);
    }

    @Test
    void cohortsResponseTimesAndNpsByTierAreThoseOfTheirViews() throws IOException {
        String query = "grain=week&from=2026-01-05&to=2026-03-23";
        Map<String, Object> cohorts = json("/api/cohorts?" + query);
        List<List<String>> expected = new ArrayList<>();
        for (Object c : (List<?>) cohorts.get("cohorts")) {
            Map<?, ?> cohort = (Map<?, ?>) c;
            List<?> retention = (List<?>) cohort.get("retention");
            for (int k = 0; k < retention.size(); k++) {
                Object share = retention.get(k);
                expected.add(List.of((String) cohort.get("cohortStart"), cohort.get("size").toString(), String.valueOf(k + 1),
                        share == null ? "" : SpreadsheetCsv.cell(((Number) share).doubleValue())));
            }
        }
        assertEquals(expected, records(api.get("/api/export/cohorts.csv?" + query)).stream()
                .map(r -> List.of(r.get("cohort_start"), r.get("cohort_size"), r.get("offset"), r.get("retention"))).toList());

        Map<String, Object> times = json("/api/response-times?" + query);
        List<List<String>> buckets = new ArrayList<>(((List<?>) times.get("buckets")).stream().map(b -> (Map<?, ?>) b)
                .map(b -> List.of((String) b.get("label"), b.get("count").toString())).toList());
        buckets.add(List.of("not answered", times.get("unanswered").toString()));
        assertEquals(buckets, records(api.get("/api/export/response-times.csv?" + query)).stream()
                .map(r -> List.of(r.get("bucket"), r.get("turns"))).toList());

        Map<String, Object> nps = json("/api/nps-by-tier?" + query);
        List<List<String>> tiers = ((List<?>) nps.get("tiers")).stream().map(t -> (Map<?, ?>) t)
                .map(t -> List.of((String) t.get("tier"), t.get("nps") == null ? "" : SpreadsheetCsv.cell(((Number) t.get("nps")).doubleValue()),
                        t.get("n").toString())).toList();
        assertEquals(tiers, records(api.get("/api/export/nps-by-tier.csv?" + query)).stream()
                .map(r -> List.of(r.get("tier"), r.get("nps"), r.get("n"))).toList());
        assertTrue(tiers.stream().anyMatch(t -> t.get(1).startsWith("-")) || tiers.stream().anyMatch(t -> !t.get(1).isEmpty()));
    }

    @Test
    void aScopeNamedLikeAFormulaIsWrittenInert() throws IOException {
        api.importFile("messages", "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n"
                + "=cmd,@SUM(1+1),f1,p1,-p1,false,mention,2026-01-05T10:00:00Z,,hi\n");
        List<CSVRecord> rows = records(api.get("/api/export/metrics.csv?by=account&metrics=active_interactors&grain=week&from=2026-01-05&to=2026-01-05&accounts==cmd/@SUM(1%2B1)"));
        assertEquals("'=cmd/@SUM(1+1)", rows.get(0).get("scope"));
        assertEquals("1", rows.get(0).get("value"));
    }

    @Test
    void badFormatAndByAreNamed() {
        HttpClientResponseException format = assertThrows(HttpClientResponseException.class, () -> api.get("/api/export/metrics.csv?format=tall"));
        assertEquals(400, format.getStatus().getCode());
        assertTrue(format.getResponse().getBody(String.class).orElse("").contains("format"));
        HttpClientResponseException by = assertThrows(HttpClientResponseException.class, () -> api.get("/api/export/tiers.csv?by=person"));
        assertTrue(by.getResponse().getBody(String.class).orElse("").contains("by:"));
    }
}
