package rapport;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import rapport.ingest.ImportReport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTTP API as the tests use it: import a file, read one period's metrics. */
public final class RapportApi {

    private final HttpClient client;

    public RapportApi(HttpClient client) {
        this.client = client;
    }

    public ImportReport importFile(String format, String body) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/imports?format=" + format, body)
                .contentType(MediaType.TEXT_PLAIN_TYPE), ImportReport.class);
    }

    /** Every metric for the one period starting on {@code periodStart}, by key (null values kept). */
    public Map<String, Double> metrics(String grain, String periodStart, String accounts) {
        String uri = "/api/metrics?grain=" + grain + "&from=" + periodStart + "&to=" + periodStart
                + (accounts == null ? "" : "&accounts=" + accounts);
        Map<String, Object> report = client.toBlocking().retrieve(HttpRequest.GET(uri), Argument.mapOf(String.class, Object.class));
        Map<String, Double> values = new HashMap<>();
        for (Object s : (List<?>) report.get("series")) {
            Map<?, ?> series = (Map<?, ?>) s;
            List<?> points = (List<?>) series.get("points");
            if (points.size() != 1) {
                throw new AssertionError("expected one period, got " + points.size());
            }
            Object value = ((Map<?, ?>) points.get(0)).get("value");
            values.put((String) series.get("metric"), value == null ? null : ((Number) value).doubleValue());
        }
        return values;
    }

    public String get(String uri) {
        return client.toBlocking().retrieve(uri);
    }
}
