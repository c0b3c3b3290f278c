package rapport.people;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: the people table's tiers are METRICS.md §5 exactly: per scope, its tier counts equal those of
 * RelationshipViews (GET /api/tiers) for the week ending at the table's as_of, on the twcs slice and on the demo brand.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleTiersTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PersonSummaryRefresher refresher;

    @Test
    void tierCountsEqualTheTiersViewOnTwcsAndTheDemoBrand() throws IOException {
        RapportApi api = new RapportApi(client);
        api.importFile("twcs", Files.readString(Path.of("src/test/resources/twcs/twcs-sample.csv")));
        refresher.refresh();
        compare(api, List.of("", "x/AmazonHelp", "x/AppleSupport", "x/ChipotleTweets"));

        DemoDataGenerator.DemoFiles demo = new DemoDataGenerator(2026, Instant.parse("2026-03-25T12:00:00Z")).generate();
        api.importFile("messages", demo.messages());
        refresher.refresh();
        List<String> demoAccounts = client.toBlocking().retrieve(HttpRequest.GET("/api/accounts"), Argument.listOf(Map.class))
                .stream().map(a -> (String) a.get("key")).filter(k -> !k.startsWith("x/A") && !k.startsWith("x/Ch")).toList();
        assertTrue(demoAccounts.size() >= 3, demoAccounts.toString());
        compare(api, demoAccounts);
        compare(api, List.of(""));
    }

    void compare(RapportApi api, List<String> scopes) throws IOException {
        for (String accounts : scopes) {
            String scope = accounts.isEmpty() ? "" : "accounts=" + accounts;
            Map<String, Object> page = client.toBlocking().retrieve(HttpRequest.GET("/api/people?limit=1&" + scope), Argument.mapOf(String.class, Object.class));
            LocalDate weekStart = LocalDate.ofInstant(Instant.parse((String) page.get("asOf")), ZoneOffset.UTC).minusDays(7);
            Map<String, Object> view = client.toBlocking().retrieve(HttpRequest.GET("/api/tiers?grain=week&from=" + weekStart + "&to=" + weekStart
                    + (scope.isEmpty() ? "" : "&" + scope)), Argument.mapOf(String.class, Object.class));
            Map<?, ?> counts = (Map<?, ?>) ((Map<?, ?>) ((List<?>) view.get("periods")).get(0)).get("counts");
            Map<String, Long> expected = new TreeMap<>();
            counts.forEach((tier, n) -> expected.put((String) tier, ((Number) n).longValue()));
            Map<String, Long> actual = new TreeMap<>();
            expected.keySet().forEach(tier -> actual.put(tier, 0L));
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(api.get("/api/people.csv?" + scope)))) {
                if (!r.get("tier").equals("none")) {
                    actual.merge(r.get("tier"), 1L, Long::sum);
                }
            }
            assertEquals(expected, actual, "scope " + (scope.isEmpty() ? "all" : accounts) + " at " + page.get("asOf"));
            assertTrue(actual.values().stream().mapToLong(Long::longValue).sum() > 0, accounts);
        }
    }
}
