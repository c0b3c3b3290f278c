package rapport.summary;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: every figure of the monthly summary is the metrics API's value for the same month and accounts;
 * a partial month says so and is not compared. Demo brand whose data ends on 20 Oct 2026.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryApiTest implements FreshDatabaseAnyPort {

    static final YearMonth COMPLETE = YearMonth.of(2026, 9);
    static final YearMonth PARTIAL = YearMonth.of(2026, 10);

    @Inject
    @Client("/")
    HttpClient client;

    @BeforeAll
    void importDemoBrand() {
        SummaryDemo.importInto(client);
    }

    Map<String, Object> summary(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
    }

    /** metric key → month (YYYY-MM) → value, from GET /api/metrics?grain=month. */
    Map<String, Map<String, Object>> metrics(YearMonth from, YearMonth to, String accounts) {
        Map<String, Object> report = summary("/api/metrics?grain=month&from=" + from.atDay(1) + "&to=" + to.atDay(1)
                + (accounts == null ? "" : "&accounts=" + accounts));
        Map<String, Map<String, Object>> values = new java.util.HashMap<>();
        for (Object s : (List<?>) report.get("series")) {
            Map<?, ?> series = (Map<?, ?>) s;
            Map<String, Object> byMonth = new java.util.HashMap<>();
            for (Object p : (List<?>) series.get("points")) {
                Map<?, ?> point = (Map<?, ?>) p;
                byMonth.put(point.get("periodStart").toString().substring(0, 7), point.get("value"));
            }
            values.put((String) series.get("metric"), byMonth);
        }
        return values;
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none", "x/AcmeSupport", "x/AcmeSupport,instagram/acme"})
    void headlinesTrendsAndSlaAreTheMetricsApiMonthlyValues(String accounts) {
        Map<String, Object> s = summary("/api/summary/" + COMPLETE + (accounts == null ? "" : "?accounts=" + accounts));
        Map<String, Map<String, Object>> api = metrics(COMPLETE.minusMonths(12), COMPLETE, accounts);
        List<?> headlines = (List<?>) s.get("headlines");
        assertTrue(headlines.size() >= 7 && headlines.size() <= 8, "headline figures: " + headlines.size());
        for (Object h : headlines) {
            Map<?, ?> f = (Map<?, ?>) h;
            Map<String, Object> monthly = api.get((String) f.get("metric"));
            assertEquals(monthly.get(COMPLETE.toString()), f.get("value"), f.get("metric") + " this month");
            Map<?, ?> previous = (Map<?, ?>) f.get("previousMonth");
            assertEquals(monthly.get(COMPLETE.minusMonths(1).toString()), previous.get("value"), f.get("metric") + " previous month");
            if (previous.get("value") != null && f.get("value") != null) {
                double change = ((Number) f.get("value")).doubleValue() - ((Number) previous.get("value")).doubleValue();
                assertEquals(change, ((Number) previous.get("change")).doubleValue(), 1e-9);
            }
            Map<?, ?> year = (Map<?, ?>) f.get("yearEarlier");
            assertEquals(monthly.get(COMPLETE.minusYears(1).toString()), year.get("value"));
            assertNull(year.get("change"), "the data starts in 2026: no comparison with a month it does not cover");
        }
        for (Object t : (List<?>) s.get("trends")) {
            Map<?, ?> trend = (Map<?, ?>) t;
            List<?> points = (List<?>) trend.get("points");
            assertEquals(13, points.size());
            for (Object p : points) {
                Map<?, ?> point = (Map<?, ?>) p;
                assertEquals(api.get((String) trend.get("metric")).get((String) point.get("month")), point.get("value"),
                        trend.get("metric") + " " + point.get("month"));
            }
        }
        Map<?, ?> sla = (Map<?, ?>) s.get("sla");
        assertEquals(api.get("response_within_sla_rate").get(COMPLETE.toString()), sla.get("value"));
        assertEquals(((Number) api.get("advocates").get(COMPLETE.toString())).longValue(),
                ((Number) ((Map<?, ?>) s.get("advocates")).get("total")).longValue(), "advocates by name = the advocates metric");
        assertFalse((Boolean) s.get("partial"));
        assertEquals("complete month", s.get("coverage"));
    }

    @Test
    void tiersAndNpsByTierAreTheRelationshipViews() {
        Map<String, Object> s = summary("/api/summary/" + COMPLETE);
        Map<String, Object> tiers = summary("/api/tiers?grain=month&from=" + COMPLETE.atDay(1) + "&to=" + COMPLETE.atDay(1));
        Map<?, ?> counts = (Map<?, ?>) ((Map<?, ?>) ((List<?>) tiers.get("periods")).get(0)).get("counts");
        assertEquals(counts, ((Map<?, ?>) s.get("tiers")).get("counts"));
        Map<String, Object> nps = summary("/api/nps-by-tier?grain=month&from=" + COMPLETE.atDay(1) + "&to=" + COMPLETE.atDay(1));
        List<?> expected = ((List<?>) nps.get("tiers")).stream().filter(t -> ((Number) ((Map<?, ?>) t).get("n")).longValue() > 0).toList();
        assertFalse(expected.isEmpty(), "the demo brand has surveys");
        assertEquals(expected, s.get("npsByTier"));
        assertTrue(((List<?>) s.get("headlines")).stream().anyMatch(h -> "nps".equals(((Map<?, ?>) h).get("metric"))));
    }

    @Test
    void topAdvocatesAreNamedAndAccountsOrderedFromMostImproved() {
        Map<String, Object> s = summary("/api/summary/" + COMPLETE);
        Map<?, ?> advocates = (Map<?, ?>) s.get("advocates");
        List<?> top = (List<?>) advocates.get("top");
        assertFalse(top.isEmpty());
        for (Object a : top) {
            Map<?, ?> advocate = (Map<?, ?>) a;
            assertNotNull(advocate.get("handle"));
            assertTrue(((Number) advocate.get("activeWeeks")).intValue() >= 3);
            assertTrue(((Number) advocate.get("shares")).intValue() >= 1);
        }
        List<?> rows = (List<?>) ((Map<?, ?>) s.get("accounts")).get("rows");
        assertEquals(3, rows.size(), "the demo brand's three accounts");
        double previous = Double.POSITIVE_INFINITY;
        for (Object r : rows) {
            double score = ((Number) ((Map<?, ?>) r).get("score")).doubleValue();
            assertTrue(score <= previous);
            previous = score;
        }
        List<?> highlights = (List<?>) s.get("highlights");
        assertTrue(highlights.size() >= 1 && highlights.size() <= 5, "highlights: " + highlights);
    }

    @Test
    void aPartialMonthSaysUntilWhenAndIsNotCompared() {
        Map<String, Object> s = summary("/api/summary/" + PARTIAL);
        assertTrue((Boolean) s.get("partial"));
        assertEquals(LocalDate.ofInstant(SummaryDemo.DATA_END, ZoneOffset.UTC).toString(), s.get("dataUntil"));
        assertEquals("data until 20 Oct", s.get("coverage"));
        for (Object h : (List<?>) s.get("headlines")) {
            Map<?, ?> f = (Map<?, ?>) h;
            assertNull(((Map<?, ?>) f.get("previousMonth")).get("change"), f.get("metric") + " compared");
            assertNull(((Map<?, ?>) f.get("previousMonth")).get("verdict"));
        }
        assertEquals(List.of("October 2026 is not complete (data until 20 Oct), so no figure is compared with earlier months yet."),
                s.get("highlights"));
    }

    @Test
    void withoutAMonthTheLastFinishedOne() {
        Map<String, Object> s = summary("/api/summary");
        assertEquals(YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString(), s.get("month"));
    }

    @Test
    void viewersReadTheSummaryAndOnlyAdminsManageItsDelivery() {
        Map<?, ?> created = client.toBlocking().retrieve(HttpRequest.POST("/api/tokens", Map.of("name", "summary-viewer", "role", "viewer")), Map.class);
        String viewer = (String) created.get("token");
        for (String path : List.of("/api/summary", "/api/summary/" + COMPLETE, "/api/summary/" + COMPLETE + ".pdf")) {
            assertEquals(200, client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(viewer), byte[].class).getStatus().getCode(), path);
            HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .exchange(HttpRequest.GET(path).header(rapport.AdminTokenClientFilter.ANONYMOUS, "1")));
            assertEquals(401, anonymous.getStatus().getCode(), path);
        }
        for (HttpRequest<?> admin : List.<HttpRequest<?>>of(HttpRequest.GET("/api/summary/delivery"),
                HttpRequest.GET("/api/summary/delivery/preview?month=" + COMPLETE),
                HttpRequest.POST("/api/summary/delivery/recipients", Map.of("email", "a@example.test")),
                HttpRequest.POST("/api/summary/delivery/send-now", Map.of()),
                HttpRequest.PUT("/api/summary/delivery/send-day", Map.of("sendDay", 3)),
                HttpRequest.DELETE("/api/summary/delivery/recipients/1"))) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(((io.micronaut.http.MutableHttpRequest<?>) admin).bearerAuth(viewer)));
            assertEquals(403, e.getStatus().getCode(), admin.getMethod() + " " + admin.getPath());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/summary/2026-13|month: '2026-13' is not a month",
            "/api/summary/2999-01|month: 2999-01 has not started yet",
            "/api/summary/2026-09?accounts=x/Nobody|accounts: unknown account(s) x/Nobody"})
    void badParametersAreRefusedNamingThem(String path, String message) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET(path)));
        assertEquals(400, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains(message));
    }
}
