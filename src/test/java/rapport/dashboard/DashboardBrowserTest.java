package rapport.dashboard;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import rapport.Fixture;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.TestDatabase;
import rapport.demo.DemoDataGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4: the dashboard in a real headless Chromium against the real server and PostgreSQL, with the demo
 * brand, the twcs slice and two small shops imported through the API.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest implements FreshDatabase {

    private static final Path SCREENSHOTS = Browser.SCREENSHOTS;
    private static final String TWCS_ACCOUNTS = "x/AmazonHelp,x/AppleSupport,x/ChipotleTweets";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    Browser browser;
    RapportApi api;
    /** The Monday of the shops' last week of messages. */
    LocalDate shopWeek;

    @BeforeAll
    void importDataAndSignIn() throws Exception {
        if (!Browser.installed()) {
            return;
        }
        api = new RapportApi(client);
        DemoDataGenerator.DemoFiles demo = new DemoDataGenerator(2026, Instant.now()).generate();
        api.importFile("messages", demo.messages());
        api.importFile("followers", demo.followers());
        api.importFile("surveys", demo.surveys());
        api.importFile("twcs", Files.readString(Path.of("src/test/resources/twcs/twcs-sample.csv")));
        shopWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(10);
        api.importFile("messages", shopA(shopWeek));
        api.importFile("messages", shopB(shopWeek));
        browser = new Browser(server.getURL().toString());
        browser.signIn("admin", TestDatabase.ADMIN_PASSWORD);
    }

    /** Answers both people in its last week, after 30 and 60 minutes: response rate 100 %, median 45 min. */
    static String shopA(LocalDate week) {
        Fixture f = new Fixture("x", "ShopA");
        String before = f.person("p1").mentions(at(week.minusDays(6), 10), "@ShopA is the shop open on Sunday?");
        f.brand().replies(before, f.after(before, 10), "@p1 yes, 10 to 4!");
        String first = f.person("p1").mentions(at(week, 10), "@ShopA my parcel is late");
        f.brand().replies(first, f.after(first, 30), "@p1 sorry! It left this morning.");
        String second = f.person("p2").mentions(at(week.plusDays(1), 9), "@ShopA do you ship to Norway?");
        f.brand().replies(second, f.after(second, 60), "@p2 we do, in 3 days.");
        return f.csv();
    }

    /** Answers one of two people in its last week, after 2 hours: response rate 50 %, median 2 h. */
    static String shopB(LocalDate week) {
        Fixture f = new Fixture("x", "ShopB");
        String before = f.person("p4").mentions(at(week.minusDays(5), 11), "@ShopB hello?");
        f.brand().replies(before, f.after(before, 240), "@p4 hello, how can we help?");
        String first = f.person("p1").mentions(at(week, 10), "@ShopB wrong size delivered");
        f.brand().replies(first, f.after(first, 120), "@p1 we will swap it, sorry.");
        f.person("p3").mentions(at(week.plusDays(2), 9), "@ShopB anyone there?");
        return f.csv();
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    @BeforeEach
    void needsTheBrowser() {
        Browser.assumeStarted(browser);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPanelDrawsWhatTheApiReturnedForTheSameQuery() throws Exception {
        browser.open("?accounts=x/AcmeSupport,instagram/acme&range=week:12");
        List<Map<String, Object>> panels = DrawnCharts.read(browser);
        assertEquals(15, panels.size());
        for (Map<String, Object> panel : panels) {
            assertEquals(Boolean.TRUE, panel.get("drawn"), "no ECharts instance in " + panel.get("id") + ": " + panel.get("text"));
        }
        DrawnCharts.assertSameAsApi(panels, this::get, browser.js("return document.body.dataset.query").toString());
        assertCardsAreTheApiValues();
        browser.screenshot(SCREENSHOTS.resolve("dashboard-demo.png"));
    }

    @Test
    void changingTheAccountFilterChangesTheHeadlineNumbers() {
        browser.open("?accounts=x/ShopA&range=week:12");
        assertTrue(browser.driver.findElement(By.id("period-title")).getText().contains(DrawnCharts.day(shopWeek)));
        assertCard("response_rate", 1.0, "100 %");
        assertCard("median_response_minutes", 45.0, "45 min");
        assertCardsAreTheApiValues();
        String shopANumbers = cardTexts();

        // through the account picker, as a person would: add ShopB, then take ShopA away
        browser.driver.findElement(By.id("accounts-button")).click();
        browser.driver.findElement(By.cssSelector("#accounts-list input[value='x/ShopB']")).click();
        browser.driver.findElement(By.cssSelector("#accounts-list input[value='x/ShopA']")).click();
        browser.waitFor().until(d -> browser.search().contains("accounts=x/ShopB&"));
        browser.waitUntilLoaded();
        assertEquals("x/ShopB", browser.driver.findElement(By.id("accounts-button")).getText());
        assertCard("response_rate", 0.5, "50 %");
        assertCard("median_response_minutes", 120.0, "2 h");
        assertCardsAreTheApiValues();
        assertNotEquals(shopANumbers, cardTexts());
    }

    @Test
    void everyFigureSaysWhatItMeasures() {
        browser.open("?accounts=x/ShopA&range=week:12");
        Map<String, Object> definition = definitions().stream()
                .filter(d -> "response_rate".equals(d.get("key"))).findFirst().orElseThrow();
        browser.driver.findElement(By.cssSelector(".card[data-metric=response_rate] .info")).click();
        WebElement popover = browser.driver.findElement(By.id("definition"));
        assertTrue(popover.isDisplayed());
        assertTrue(popover.getText().contains((String) definition.get("definition")), popover.getText());
        // a panel's ⓘ holds the definition of each metric it draws, and the tooltips carry n
        browser.driver.findElement(By.cssSelector("#panel-responsiveness .info")).click();
        assertTrue(browser.driver.findElement(By.id("definition")).getText().contains((String) definition.get("definition")));
        String tooltip = (String) browser.js("""
                const chart = echarts.getInstanceByDom(document.querySelector('#panel-responsiveness .chart'));
                return chart.getOption().tooltip[0].formatter([{seriesIndex: 0, dataIndex: 11, marker: ''}]);""");
        assertTrue(tooltip.contains("n\u00a0=\u00a02"), tooltip);
    }

    @Test
    void theTwcsSliceOpensOnItsOwnWeeksAndSaysWhatIsMissing() throws Exception {
        browser.open("?accounts=" + TWCS_ACCOUNTS + "&range=week:12");
        assertTrue(browser.driver.findElement(By.id("period-title")).getText().endsWith("2017"));
        assertEquals("No follower snapshots for these periods — import followers to see conversations per 1,000 followers.",
                browser.driver.findElement(By.cssSelector("#panel-depth-vs-vanity .state.empty")).getText());
        assertEquals("No survey data yet — import surveys to see NPS.",
                browser.driver.findElement(By.cssSelector("#panel-nps-by-tier .state.empty")).getText());
        List<Map<String, Object>> panels = DrawnCharts.read(browser);
        assertEquals(12, panels.stream().filter(p -> Boolean.TRUE.equals(p.get("drawn"))).count());
        DrawnCharts.assertSameAsApi(panels, this::get, browser.js("return document.body.dataset.query").toString());
        browser.screenshot(SCREENSHOTS.resolve("dashboard-twcs.png"));
    }

    @Test
    void onATabletThePanelsStackInOneColumn() throws Exception {
        browser.driver.manage().window().setSize(new Dimension(820, 1180));
        try {
            browser.open("?range=week:26");
            List<WebElement> panels = browser.driver.findElements(By.cssSelector(".panel"));
            int firstX = panels.get(0).getRect().getX();
            assertTrue(panels.stream().allMatch(p -> p.getRect().getX() == firstX), "panels side by side on a tablet");
            assertEquals(Boolean.FALSE, browser.js("return document.documentElement.scrollWidth > window.innerWidth"),
                    "the page scrolls sideways");
            browser.screenshot(SCREENSHOTS.resolve("dashboard-tablet.png"));
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1440, 900));
        }
    }

    @Test
    void theUrlHoldsTheFiltersSoAViewCanBeShared() {
        browser.open("?accounts=x/AcmeSupport&range=week:12");
        new Select(browser.driver.findElement(By.id("range"))).selectByValue("week:26");
        new Select(browser.driver.findElement(By.id("compare"))).selectByValue("year");
        browser.waitFor().until(d -> browser.search().contains("range=week:26&compare=year"));
        browser.waitUntilLoaded();
        String shared = browser.search();

        browser.open("?" + shared);
        assertEquals("week:26", new Select(browser.driver.findElement(By.id("range"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("year", new Select(browser.driver.findElement(By.id("compare"))).getFirstSelectedOption().getAttribute("value"));
        assertTrue(browser.driver.findElement(By.id("period-compare")).getText().endsWith("(a year earlier)"));
        Long periods = (Long) browser.js("""
                return echarts.getInstanceByDom(document.querySelector('#panel-people .chart')).getOption().series[0].data.length""");
        assertEquals(26L, periods);
        assertCardsAreTheApiValues();
        String export = browser.driver.findElement(By.id("export")).getAttribute("href");
        assertTrue(export.contains("/api/export/metrics.csv?grain=week&"), export);
    }

    @Test
    void anErrorFromTheServerIsShownInEveryPanel() {
        browser.open("?accounts=x/NoSuchShop&range=week:12");
        List<WebElement> errors = browser.driver.findElements(By.cssSelector(".panel .state.error"));
        assertEquals(15, errors.size());
        assertTrue(errors.get(0).getText().contains("unknown account(s) x/NoSuchShop"), errors.get(0).getText());
        assertTrue(browser.driver.findElement(By.id("status")).getAttribute("class").contains("error"));
    }

    @Test
    void theImportDialogReportsARejectedRowByLineAndReasonAsText() throws Exception {
        browser.open("?accounts=x/ShopA&range=week:12");
        Path file = Files.createTempFile("one-bad-date", ".csv");
        Files.writeString(file, """
                network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text
                x,Ui,u1,p1,p1,false,mention,2026-01-05T10:00:00Z,,fine
                x,Ui,u2,p1,p1,false,mention,not-a-date,,"<img src=x onerror=""window.__xss=1""><script>window.__xss=2</script>"
                """);
        browser.driver.findElement(By.id("open-import")).click();
        new Select(browser.driver.findElement(By.id("import-format"))).selectByValue("messages");
        browser.driver.findElement(By.id("import-file")).sendKeys(file.toString());
        browser.driver.findElement(By.id("import-start")).click();
        browser.waitFor().until(d -> !d.findElements(By.cssSelector("#import-report table.problems")).isEmpty());

        Map<String, Object> report = get("/api/imports/" + latestImportId());
        Map<?, ?> problem = (Map<?, ?>) ((List<?>) report.get("problems")).get(0);
        List<WebElement> cells = browser.driver.findElements(By.cssSelector("#import-report tbody tr:first-child td"));
        assertEquals("3", cells.get(0).getText());
        assertEquals("created_at", cells.get(1).getText());
        assertEquals(problem.get("reason"), cells.get(2).getText());
        assertTrue(cells.get(3).getText().contains("<img src=x onerror="), cells.get(3).getText());
        assertTrue(browser.driver.findElements(By.cssSelector("#import-report img, #import-report script")).isEmpty());
        assertNull(browser.js("return window.__xss"));
        String state = browser.driver.findElement(By.id("import-state")).getText();
        assertTrue(state.startsWith("Imported 1 of 2 rows of " + file.getFileName() + "; 1 was kept out"), state);
        assertTrue(browser.driver.findElement(By.id("import-report")).getText().contains("rejected\n1"));
        // the dashboard reloaded with the new account
        browser.waitFor().until(d -> !d.findElements(By.cssSelector("#accounts-list input[value='x/Ui']")).isEmpty());
        browser.screenshotOfWindow(SCREENSHOTS.resolve("import-report.png"));
        browser.driver.findElement(By.id("import-close")).click();
    }

    @Test
    void theImportDialogTakesTheFormatFromTheHeaderOrOffersIt() {
        browser.open("?accounts=x/ShopA&range=week:12");
        String twcs = Path.of("docs/samples/twcs.csv").toAbsolutePath().toString();
        browser.driver.findElement(By.id("open-import")).click();
        Select format = new Select(browser.driver.findElement(By.id("import-format")));
        assertEquals("messages", format.getFirstSelectedOption().getAttribute("value"));
        // no format picked yet: the header decides
        browser.driver.findElement(By.id("import-file")).sendKeys(twcs);
        browser.waitFor().until(d -> d.findElement(By.id("import-hint")).getText().startsWith("Format set to Customer Support on Twitter"));
        assertEquals("twcs", format.getFirstSelectedOption().getAttribute("value"));
        // a format picked by hand that the header contradicts: the header's is offered
        format.selectByValue("messages");
        WebElement offer = browser.waitFor().until(d -> d.findElement(By.id("import-use-detected")));
        assertEquals("Use Customer Support on Twitter (twcs.csv)", offer.getText());
        offer.click();
        assertEquals("twcs", format.getFirstSelectedOption().getAttribute("value"));

        // the slice holds these rows already: a re-import says so, and the recent imports list it at once
        browser.driver.findElement(By.id("import-start")).click();
        browser.waitFor().until(d -> d.findElement(By.id("import-state")).getText().startsWith("Done"));
        assertEquals("Done: all 7 rows of twcs.csv are imported. It changed nothing: every row was already there. "
                + "The dashboard is reloading.", browser.driver.findElement(By.id("import-state")).getText());
        assertTrue(browser.driver.findElement(By.id("import-report")).getText().contains("unchanged\n7"));
        browser.driver.findElement(By.cssSelector("#import-recent summary")).click();
        browser.waitFor().until(d -> d.findElement(By.cssSelector("#import-recent-list li:first-child")).getText().startsWith("twcs.csv · done"));
        browser.driver.findElement(By.id("import-close")).click();
    }

    @Test
    void aChangeOverASmallSampleIsMarkedAndNotJudged() {
        // ShopB's last week: 1 of 2 turns answered (50 %), after 1 of 1 the week before: n = 2, under the threshold
        browser.open("?accounts=x/ShopB&range=week:12");
        WebElement card = browser.driver.findElement(By.cssSelector(".card[data-metric=response_rate]"));
        WebElement change = card.findElement(By.className("change"));
        assertTrue(card.getAttribute("class").contains("small-sample"));
        assertTrue(change.getAttribute("class").contains("uncertain"), change.getAttribute("class"));
        assertTrue(change.getText().replace('\u00a0', ' ').startsWith("▼ −50 pts vs 100 %"), change.getText());
        assertTrue(card.findElement(By.className("n")).getText().endsWith("small sample"));
        assertEquals(20, get("/api/workspace").get("smallSample"));
    }

    @Test
    void periodsWithoutDataShowDashesAndNoComparison() {
        browser.open("?accounts=x/ShopA&range=week:12&end=2020-01-06");
        List<WebElement> values = browser.driver.findElements(By.cssSelector(".card .value"));
        assertEquals(7, values.size());
        assertTrue(values.stream().allMatch(v -> v.getText().equals("—")), cardTexts());
        // data now, none a year before: every card says so, counts as well as ratios
        browser.open("?accounts=x/ShopA&range=week:12&compare=year");
        for (WebElement change : browser.driver.findElements(By.cssSelector(".card .change"))) {
            String text = change.getText();
            assertTrue(text.equals("no earlier value to compare with") || text.startsWith("no value this week")
                    || text.startsWith("No follower snapshots"), text);
        }
    }

    @Test
    void aRangeTheDashboardDoesNotOfferIsExplained() {
        browser.open("?accounts=x/ShopA&range=week:999");
        String status = browser.driver.findElement(By.id("status")).getText();
        assertTrue(status.contains("range=week:999 is not a period the dashboard shows") && status.contains("showing 12 weeks"), status);
        Long periods = (Long) browser.js("return echarts.getInstanceByDom(document.querySelector('#panel-people .chart'))"
                + ".getOption().series[0].data.length");
        assertEquals(12L, periods);
    }

    @Test
    void periodsStartInTheWorkspaceTimeZoneAndResponseTimesSpanningDaysUseALogAxis() {
        browser.open("?accounts=x/ShopA&range=week:12");
        // Sunday 15:00 UTC is Monday 05:00 in Kiritimati (UTC+14): there, that Monday's week is the last with data
        String script = """
                const done = arguments[arguments.length - 1];
                Promise.all([import('/js/filters.js'), import('/js/charts/line.js')]).then(([f, line]) => {
                  const state = {range: 'week:12', compare: 'previous', end: '', accounts: [], network: ''};
                  const accounts = [{key: 'x/A', network: 'x', lastMessageAt: '2026-01-11T15:00:00Z'}];
                  const today = new Date('2026-03-01T12:00:00Z');
                  const points = (values) => values.map((v, i) => ({periodStart: '2026-01-0' + (i + 1), value: v, n: 5}));
                  const option = (p90) => line.lineOption([
                    {metric: 'median_response_minutes', label: 'Median', unit: 'minutes', points: points([30, 40])},
                    {metric: 'p90_response_minutes', label: 'p90', unit: 'minutes', points: points([p90, 500])}], 'week');
                  done([f.ranges(state, accounts, today, 'UTC').to, f.ranges(state, accounts, today, 'Pacific/Kiritimati').to,
                        option(3000).yAxis[0].type, option(50).yAxis[0].type]);
                });""";
        List<?> answers = (List<?>) ((JavascriptExecutor) browser.driver).executeAsyncScript(script);
        assertEquals(List.of("2026-01-05", "2026-01-12", "log", "value"), answers);
    }

    /** Each headline card holds the server's value for the last period and for the comparison period. */
    private void assertCardsAreTheApiValues() {
        String query = browser.js("return document.body.dataset.query").toString();
        Map<String, Object> report = get("/api/metrics?" + query);
        String compareStart = (String) browser.js("return document.body.dataset.compareStart");
        Map<String, Object> comparison = get("/api/metrics?" + query.replaceAll("from=[^&]+", "from=" + compareStart)
                .replaceAll("to=[^&]+", "to=" + compareStart));
        List<?> cards = (List<?>) browser.js("""
                return [...document.querySelectorAll('.card')].map(c => [c.dataset.metric, c.dataset.value, c.dataset.previous])""");
        assertEquals(7, cards.size());
        for (Object item : cards) {
            List<?> card = (List<?>) item;
            String metric = (String) card.get(0);
            assertEquals(DrawnCharts.lastValue(report, metric), parse(card.get(1)), metric);
            assertEquals(DrawnCharts.lastValue(comparison, metric), parse(card.get(2)), metric + " (comparison)");
        }
    }

    private void assertCard(String metric, double value, String shown) {
        WebElement card = browser.driver.findElement(By.cssSelector(".card[data-metric=" + metric + "]"));
        assertEquals(value, Double.parseDouble(card.getAttribute("data-value")), metric);
        assertEquals(shown, card.findElement(By.className("value")).getText().replace('\u00a0', ' '), metric);
    }

    private String cardTexts() {
        return String.join("|", browser.driver.findElements(By.cssSelector(".card .value")).stream().map(WebElement::getText).toList());
    }

    private static Double parse(Object dataset) {
        return dataset == null || dataset.toString().isEmpty() ? null : Double.parseDouble(dataset.toString());
    }

    private long latestImportId() {
        List<Map<String, Object>> recent = client.toBlocking().retrieve(HttpRequest.GET("/api/imports?limit=1"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        return ((Number) recent.get(0).get("id")).longValue();
    }

    private List<Map<String, Object>> definitions() {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/metrics/definitions"), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private Map<String, Object> get(String uri) {
        return client.toBlocking().retrieve(HttpRequest.GET(uri), Argument.mapOf(String.class, Object.class));
    }
}
