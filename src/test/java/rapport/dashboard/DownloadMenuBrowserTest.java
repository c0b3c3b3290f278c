package rapport.dashboard;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.TestDatabase;
import rapport.demo.DemoDataGenerator;

import java.io.StringReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 11: every dashboard panel offers its chart as PNG and exactly the numbers it shows as CSV. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadMenuBrowserTest implements FreshDatabase {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    Browser browser;

    @BeforeAll
    void importAndSignIn() {
        assumeTrue(Files.isExecutable(Browser.CHROMEDRIVER), "Debian's chromium-driver is not installed");
        RapportApi api = new RapportApi(client);
        DemoDataGenerator.DemoFiles demo = new DemoDataGenerator(2026, Instant.now()).generate();
        api.importFile("messages", demo.messages());
        api.importFile("surveys", demo.surveys());
        browser = new Browser(server.getURL().toString());
        browser.signIn("admin", TestDatabase.ADMIN_PASSWORD);
        browser.open("?range=week:12");
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Opens the panel's menu and returns the CSV its link holds and its PNG link. */
    List<CSVRecord> openMenu(String panel, String[] png) throws Exception {
        browser.driver.findElement(By.cssSelector("#panel-" + panel + " .download summary")).click();
        png[0] = browser.driver.findElement(By.cssSelector("#panel-" + panel + " .download-png")).getAttribute("href");
        String href = browser.driver.findElement(By.cssSelector("#panel-" + panel + " .download-csv")).getAttribute("href");
        assertTrue(href.startsWith("data:text/csv;charset=utf-8,"), href);
        String csv = java.net.URLDecoder.decode(href.substring(href.indexOf(',') + 1), java.nio.charset.StandardCharsets.UTF_8);
        browser.driver.findElement(By.cssSelector("#panel-" + panel + " .download summary")).click();
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    Map<String, Object> api(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path + "?" + browser.js("return document.body.dataset.query")),
                Argument.mapOf(String.class, Object.class));
    }

    @Test
    void everyPanelHasTheMenu() {
        int panels = browser.driver.findElements(By.cssSelector(".panel")).size();
        int drawn = browser.driver.findElements(By.cssSelector(".panel .chart")).size();
        assertTrue(drawn >= 12, "drawn panels: " + drawn);
        assertEquals(drawn, browser.driver.findElements(By.cssSelector(".panel .download")).size(), "of " + panels);
    }

    @Test
    void aTrendPanelDownloadsItsSeriesValuesAndAPicture() throws Exception {
        String[] png = new String[1];
        List<CSVRecord> rows = openMenu("responsiveness", png);
        Map<String, Object> metrics = api("/api/metrics");
        List<String> header = rows.get(0).getParser().getHeaderNames();
        assertEquals("category", header.get(0));
        int compared = 0;
        for (Object s : (List<?>) metrics.get("series")) {
            Map<?, ?> series = (Map<?, ?>) s;
            if (!header.contains((String) series.get("label"))) {
                continue;
            }
            List<?> points = (List<?>) series.get("points");
            assertEquals(points.size(), rows.size());
            for (int i = 0; i < points.size(); i++) {
                Object value = ((Map<?, ?>) points.get(i)).get("value");
                String cell = rows.get(i).get((String) series.get("label"));
                assertEquals(value == null ? "" : String.valueOf(((Number) value).doubleValue()),
                        cell.isEmpty() ? "" : String.valueOf(Double.parseDouble(cell)), series.get("metric") + " " + i);
            }
            compared++;
        }
        assertEquals(header.size() - 1, compared);
        assertTrue(png[0].startsWith("data:image/png;base64,"), png[0].substring(0, 40));
        byte[] image = Base64.getDecoder().decode(png[0].substring("data:image/png;base64,".length()));
        assertTrue(image.length > 2000 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G');
    }

    @Test
    void tierFlowsAndCohortsDownloadTheirLinksAndCells() throws Exception {
        Map<String, Object> tiers = api("/api/tiers");
        List<?> periods = (List<?>) tiers.get("periods");
        String last = (String) ((Map<?, ?>) periods.get(periods.size() - 1)).get("periodStart");
        List<Long> moves = new ArrayList<>(((List<?>) tiers.get("transitions")).stream().map(t -> (Map<?, ?>) t)
                .filter(t -> t.get("periodStart").equals(last)).map(t -> ((Number) t.get("count")).longValue()).sorted().toList());
        List<Long> downloaded = new ArrayList<>(openMenu("flows", new String[1]).stream().map(r -> Long.parseLong(r.get("people"))).sorted().toList());
        assertEquals(moves, downloaded);

        long cells = ((List<?>) api("/api/cohorts").get("cohorts")).stream()
                .flatMap(c -> ((List<?>) ((Map<?, ?>) c).get("retention")).stream()).filter(v -> v != null).count();
        List<CSVRecord> cohortRows = openMenu("cohorts", new String[1]);
        assertEquals(cells, cohortRows.size());
        assertTrue(cells > 10);
    }
}
