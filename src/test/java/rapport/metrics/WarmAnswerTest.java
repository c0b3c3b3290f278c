package rapport.metrics;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.Fixture;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.accounts.AccountDirectory;
import rapport.accounts.Scope;
import rapport.metrics.relationships.RelationshipViews;
import rapport.metrics.relationships.TierFlows;
import rapport.system.EncodedAnswers;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static rapport.Fixture.at;

/**
 * A warm dashboard request gets the answer the first one computed, already encoded as JSON, for as long as the
 * scope's data versions hold; the request after an import gets the new numbers. Weeks: 2026-01-05 is a Monday.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmAnswerTest implements FreshDatabase {

    private static final String RANGE = "grain=week&from=2026-01-05&to=2026-01-12&accounts=x/Warm";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    MetricCalculator calculator;

    @Inject
    RelationshipViews views;

    @Inject
    MetricQueryResolver queries;

    @Inject
    AccountDirectory accounts;

    @Inject
    EncodedAnswers encoded;

    @Inject
    JsonMapper json;

    RapportApi api;
    Fixture warm;

    @BeforeAll
    void importOneAccount() {
        api = new RapportApi(client);
        warm = new Fixture("x", "Warm");
        String ask = warm.person("p1").mentions(at("2026-01-05T10:00:00Z"), "@Warm hi");
        warm.brand().replies(ask, at("2026-01-05T10:30:00Z"), "hello p1");
        api.importFile("messages", warm.csv());
    }

    @Test
    void warm_theSameAnswerIsServedUntilAnImportAndTheNextRequestHasTheNewNumbers() throws IOException {
        MetricQueryResolver.Resolved q = queries.resolve(new MetricQuery("week", "2026-01-05", "2026-01-12", "x/Warm"));
        Scope scope = accounts.resolve("x/Warm");
        MetricReport first = calculator.report(scope, q.range(), List.of(Metric.values()));
        TierFlows.Report tiers = views.tiers(scope, q.range());
        String metricsJson = api.get("/api/metrics?" + RANGE);
        String tiersJson = api.get("/api/tiers?" + RANGE);

        assertSame(first, calculator.report(scope, q.range(), List.of(Metric.values())), "kept while the versions hold");
        MetricReport one = calculator.report(scope, q.range(), List.of(Metric.CONVERSATIONS));
        assertEquals(1, one.series().size(), "another list of metrics is another answer");
        assertNotSame(first, one);
        assertSame(tiers, views.tiers(scope, q.range()));
        assertEquals(json.writeValueAsString(first), metricsJson, "the body is the report's JSON");
        assertEquals(json.writeValueAsString(tiers), tiersJson);
        assertEquals(metricsJson, api.get("/api/metrics?" + RANGE), "a warm request answers the same");

        warm.person("p2").mentions(at("2026-01-06T09:00:00Z"), "@Warm me too");
        api.importFile("messages", warm.csv());

        assertNotSame(first, calculator.report(scope, q.range(), List.of(Metric.values())));
        assertNotEquals(metricsJson, api.get("/api/metrics?" + RANGE), "the next request has the import's numbers");
        assertEquals(2.0, api.metrics("week", "2026-01-05", "x/Warm").get("active_interactors"));
        assertNotEquals(tiersJson, api.get("/api/tiers?" + RANGE));
    }

    @Test
    void encoding_anAnswerIsEncodedOncePerObjectNeverForAnEqualOne() throws IOException {
        record Answer(String scope, List<Integer> counts) {
        }
        Answer answer = new Answer("x/Warm", List.of(1, 2));
        Answer equal = new Answer("x/Warm", List.of(1, 2));

        byte[] bytes = encoded.ok(answer).body();

        assertArrayEquals(json.writeValueAsBytes(answer), bytes);
        assertSame(bytes, encoded.ok(answer).body(), "the same object: its bytes, encoded once");
        assertNotSame(bytes, encoded.ok(equal).body(), "another object is encoded afresh, even when equal");
    }
}
