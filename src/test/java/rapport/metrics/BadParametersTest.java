package rapport.metrics;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 3: a bad parameter is a 400 whose message names it, on the JSON API and the CSV export alike. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadParametersTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "metrics=reach|metrics: unknown metric 'reach'",
            "grain=day|grain: must be week or month",
            "from=2026-02-01&to=2026-01-01|from: 2026-02-01 is after to: 2026-01-01",
            "from=yesterday|from: 'yesterday' is not a date",
            "accounts=x/Nobody|accounts: unknown account(s) x/Nobody"})
    void isRefusedNamingTheParameter(String parameters, String message) {
        for (String path : new String[]{"/api/metrics?", "/api/export/metrics.csv?", "/api/tiers?"}) {
            if (path.equals("/api/tiers?") && parameters.startsWith("metrics")) {
                continue;
            }
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().retrieve(HttpRequest.GET(path + parameters)));
            assertEquals(400, e.getStatus().getCode());
            String body = e.getResponse().getBody(String.class).orElse("");
            assertTrue(body.contains(message), path + parameters + " → " + body);
        }
    }
}
