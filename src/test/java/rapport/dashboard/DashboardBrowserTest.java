package rapport.dashboard;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.TestDatabase;
import rapport.demo.DemoDataGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 4: the dashboard in a real headless Chromium, against the real server and PostgreSQL. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest implements FreshDatabase {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    Browser browser;

    @BeforeAll
    void startBrowserWithDemoAndTwcsData() throws Exception {
        assumeTrue(Files.isExecutable(Browser.CHROMEDRIVER), "Debian's chromium-driver is not installed");
        RapportApi api = new RapportApi(client);
        DemoDataGenerator.DemoFiles demo = new DemoDataGenerator(2026, Instant.now()).generate();
        api.importFile("messages", demo.messages());
        api.importFile("followers", demo.followers());
        api.importFile("surveys", demo.surveys());
        api.importFile("twcs", Files.readString(Path.of("src/test/resources/twcs/twcs-sample.csv")));
        browser = new Browser(server.getURL().toString());
        browser.signIn("admin", TestDatabase.ADMIN_PASSWORD);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPanelDrawsTheSeriesTheApiReturned() throws Exception {
        browser.open("?accounts=x/AcmeSupport,instagram/acme&range=week:12");
        List<WebElement> panels = browser.driver.findElements(By.cssSelector(".panel"));
        assertEquals(15, panels.size());
        for (WebElement panel : panels) {
            Object instance = browser.js("return !!echarts.getInstanceByDom(arguments[0].querySelector('.chart'))", panel);
            assertEquals(Boolean.TRUE, instance, "no chart in " + panel.getAttribute("id") + ": " + panel.getText());
        }
        // the line panels hold exactly the API's values, in order
        String apiQuery = (String) browser.js("return document.getElementById('export').getAttribute('href').split('?')[1]");
        Map<String, Double[]> fromApi = new java.util.HashMap<>();
        Map<?, ?> report = client.toBlocking().retrieve("/api/metrics?" + apiQuery, Map.class);
        for (Object s : (List<?>) report.get("series")) {
            Map<?, ?> series = (Map<?, ?>) s;
            fromApi.put((String) series.get("label"), ((List<?>) series.get("points")).stream()
                    .map(p -> ((Map<?, ?>) p).get("value")).map(v -> v == null ? null : ((Number) v).doubleValue()).toArray(Double[]::new));
        }
        List<?> drawn = (List<?>) browser.js("""
                return [...document.querySelectorAll('.panel[data-chart=line] .chart')].flatMap(el =>
                    echarts.getInstanceByDom(el).getOption().series.map(s => [s.name, s.data]))""");
        assertTrue(drawn.size() >= 20, "line series drawn: " + drawn.size());
        for (Object item : drawn) {
            List<?> pair = (List<?>) item;
            Double[] expected = fromApi.get((String) pair.get(0));
            List<?> values = (List<?>) pair.get(1);
            for (int i = 0; i < expected.length; i++) {
                Object v = values.get(i);
                Double actual = v == null ? null : ((Number) v).doubleValue();
                assertEquals(expected[i], actual, pair.get(0) + " at " + i);
            }
        }
        browser.screenshot(Path.of("docs/screenshots/dashboard-demo.png"));
    }

    @Test
    void changingTheAccountFilterChangesTheNumbers() {
        browser.open("?accounts=x/AcmeSupport&range=week:12");
        String support = cardValues();
        browser.open("?accounts=x/Acme&range=week:12");
        String main = cardValues();
        assertNotEquals(support, main);
        // and through the select itself, which also writes the URL
        browser.js("""
                const s = document.getElementById('accounts');
                [...s.options].forEach(o => o.selected = o.value === 'instagram/acme');
                document.body.dataset.loaded = 'false';
                s.dispatchEvent(new Event('change', {bubbles: true}));""");
        browser.waitFor().until(d -> "true".equals(browser.js("return document.body.dataset.loaded")));
        assertTrue(browser.driver.getCurrentUrl().contains("accounts=instagram%2Facme"), browser.driver.getCurrentUrl());
        assertNotEquals(main, cardValues());
    }

    @Test
    void theTwcsSliceShowsItsOwnWeeks() throws Exception {
        browser.open("?accounts=x/AmazonHelp,x/AppleSupport,x/ChipotleTweets&range=week:12");
        String status = browser.driver.findElement(By.id("status")).getText();
        assertTrue(status.contains("2017"), status);
        browser.screenshot(Path.of("docs/screenshots/dashboard-twcs.png"));
    }

    @Test
    void onATabletThePanelsStackInOneColumn() throws Exception {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        try {
            browser.open("?range=week:26");
            List<WebElement> panels = browser.driver.findElements(By.cssSelector(".panel"));
            int firstX = panels.get(0).getRect().getX();
            assertTrue(panels.stream().allMatch(p -> p.getRect().getX() == firstX), "panels side by side on a tablet");
            Object overflow = browser.js("return document.documentElement.scrollWidth > window.innerWidth");
            assertEquals(Boolean.FALSE, overflow, "the page scrolls sideways");
            browser.screenshot(Path.of("docs/screenshots/dashboard-tablet.png"));
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1800));
        }
    }

    @Test
    void theImportDialogReportsARejectedRowAsTextNeverAsMarkup() throws Exception {
        browser.open("?range=week:12");
        Path file = Files.createTempFile("bad-row", ".csv");
        Files.writeString(file, """
                network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text
                x,Ui,u1,p1,p1,false,mention,2026-01-05T10:00:00Z,,fine
                x,Ui,u2,p1,p1,false,mention,not-a-date,,"<img src=x onerror=""window.__xss=1""><script>window.__xss=2</script>"
                """);
        browser.driver.findElement(By.id("open-import")).click();
        browser.driver.findElement(By.id("import-file")).sendKeys(file.toString());
        browser.js("document.getElementById('import-format').value = 'messages'");
        browser.driver.findElement(By.id("import-start")).click();
        browser.waitFor().until(d -> !d.findElements(By.cssSelector("#import-report table.problems")).isEmpty());
        String report = browser.driver.findElement(By.id("import-report")).getText();
        assertTrue(report.contains("1 rejected"), report);
        WebElement row = browser.driver.findElement(By.cssSelector("#import-report tbody tr"));
        assertTrue(row.getText().startsWith("3 created_at bad date 'not-a-date'"), row.getText());
        assertTrue(row.getText().contains("<img src=x onerror="), row.getText());
        assertTrue(browser.driver.findElements(By.cssSelector("#import-report img, #import-report script")).isEmpty());
        assertNull(browser.js("return window.__xss"));
        browser.screenshot(Path.of("docs/screenshots/import-report.png"));
    }

    private String cardValues() {
        return String.join("|", browser.driver.findElements(By.cssSelector(".card .value")).stream().map(WebElement::getText).toList());
    }
}
