package rapport.dashboard;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import rapport.summary.FreshDatabaseAnyPort;
import rapport.summary.SummaryDemo;
import rapport.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 10: the monthly summary page in a real headless Chromium shows the summary API's figures, draws its
 * trends, is reached from the dashboard's header and prints on two A4 pages. (Here beside {@link Browser}.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryPageBrowserTest implements FreshDatabaseAnyPort {

    private static final Path PICTURES = Path.of("target/summary-pictures");
    private static final String MONTH = "2026-09";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    Browser browser;

    @BeforeAll
    void importDataAndSignIn() {
        assumeTrue(Files.isExecutable(Browser.CHROMEDRIVER), "Debian's chromium-driver is not installed");
        SummaryDemo.importInto(client);
        browser = new Browser(server.getURL().toString());
        browser.signIn("admin", TestDatabase.ADMIN_PASSWORD);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Map<String, Object> summary(String month, String accounts) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/summary/" + month + (accounts == null ? "" : "?accounts=" + accounts)),
                Argument.mapOf(String.class, Object.class));
    }

    @Test
    void theFiguresAreTheApiSummaryAndEveryTrendIsDrawn() throws Exception {
        browser.open("summary.html?month=" + MONTH);
        Map<String, Object> api = summary(MONTH, null);
        assertEquals("September 2026", browser.driver.findElement(By.id("title")).getText());
        List<?> headlines = (List<?>) api.get("headlines");
        List<WebElement> figures = browser.driver.findElements(By.cssSelector("#figures .figure"));
        assertEquals(headlines.size(), figures.size());
        for (Object h : headlines) {
            Map<?, ?> f = (Map<?, ?>) h;
            WebElement figure = browser.driver.findElement(By.cssSelector("#figures .figure[data-metric='" + f.get("metric") + "']"));
            Object value = f.get("value");
            assertEquals(value == null ? "" : String.valueOf(((Number) value).doubleValue()),
                    figure.getAttribute("data-value").isEmpty() ? "" : String.valueOf(Double.parseDouble(figure.getAttribute("data-value"))),
                    String.valueOf(f.get("metric")));
        }
        List<WebElement> highlights = browser.driver.findElements(By.cssSelector("#highlights li"));
        assertEquals(((List<?>) api.get("highlights")).size(), highlights.size());
        assertEquals(((List<?>) api.get("highlights")).get(0), highlights.get(0).getText());
        Number drawn = (Number) browser.js("return [...document.querySelectorAll('#trends .chart')]"
                + ".filter(el => echarts.getInstanceByDom(el) && el.querySelector('svg path')).length");
        assertEquals(((List<?>) api.get("trends")).size(), drawn.intValue());
        assertEquals(3, browser.driver.findElements(By.cssSelector("#account-table tr[data-account]")).size());
        assertTrue(browser.driver.findElements(By.cssSelector("#advocates li")).size() > 0);
        assertTrue(browser.driver.findElement(By.id("pdf")).getAttribute("href").endsWith("/api/summary/" + MONTH + ".pdf"));
        browser.screenshot(PICTURES.resolve("summary-page.png"));
    }

    @Test
    void aPartialMonthSaysSoOnThePage() {
        browser.open("summary.html?month=2026-10&accounts=x/AcmeSupport");
        WebElement partial = browser.driver.findElement(By.id("partial"));
        assertTrue(partial.isDisplayed());
        assertTrue(partial.getText().contains("data until 20 Oct"), partial.getText());
        assertEquals("x/AcmeSupport", browser.driver.findElement(By.id("accounts")).getAttribute("value"));
        assertTrue(browser.driver.findElements(By.cssSelector("#figures .versus.better, #figures .versus.worse")).isEmpty(),
                "a partial month is compared");
    }

    @Test
    void adminsAddARecipientSetTheSendDayAndPreviewTheMail() throws Exception {
        browser.open("summary-delivery.html");
        assertTrue(browser.driver.findElement(By.id("smtp")).getText().contains("No SMTP server is set"));
        browser.driver.findElement(By.id("recipient-email")).sendKeys("cfo@example.test");
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("recipient-accounts"))).selectByValue("x/AcmeSupport");
        browser.driver.findElement(By.cssSelector("#recipient-form button[type=submit]")).click();
        WebElement added = browser.waitFor().until(d -> d.findElement(By.cssSelector("#recipients tr[data-email='cfo@example.test']")));
        assertTrue(added.getText().contains("x/AcmeSupport"));

        WebElement day = browser.driver.findElement(By.id("send-day"));
        day.clear();
        day.sendKeys("5");
        browser.driver.findElement(By.cssSelector("#day-form button")).click();
        browser.waitFor().until(d -> d.findElement(By.id("status")).getText().equals("Send day saved."));
        Map<String, Object> overview = client.toBlocking().retrieve(HttpRequest.GET("/api/summary/delivery"), Argument.mapOf(String.class, Object.class));
        assertEquals(5, ((Number) overview.get("sendDay")).intValue());

        browser.js("document.getElementById('now-month').value = '2026-09'");
        browser.driver.findElement(By.id("preview")).click();
        browser.waitFor().until(d -> d.findElement(By.id("preview-dialog")).isDisplayed());
        String mail = String.valueOf(browser.js("return document.getElementById('preview-frame').srcdoc"));
        assertTrue(mail.contains("September 2026 · monthly summary") && mail.contains("x/AcmeSupport"), mail);
        browser.screenshotOfWindow(PICTURES.resolve("summary-delivery-preview.png"));
        browser.js("document.getElementById('preview-dialog').close()");
        browser.screenshot(PICTURES.resolve("summary-delivery.png"));
    }

    @Test
    void theDashboardLinksToItAndItPrintsOnTwoA4Pages() throws Exception {
        browser.open("");
        browser.driver.findElement(By.id("summary-link")).click();
        browser.waitFor().until(d -> d.getCurrentUrl().contains("/summary.html"));
        browser.waitUntilLoaded();
        assertEquals(summary("", null).get("monthLabel"), browser.driver.findElement(By.id("title")).getText());

        browser.open("summary.html?month=" + MONTH);
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(browser.driver.print(options).getContent());
        Files.createDirectories(PICTURES);
        Files.write(PICTURES.resolve("summary-printed.pdf"), pdf);
        try (PDDocument printed = Loader.loadPDF(pdf)) {
            assertEquals(2, printed.getNumberOfPages(), "printed pages");
        }
    }
}
