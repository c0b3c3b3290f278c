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
import rapport.Fixture;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.TestDatabase;
import rapport.people.PersonSummaryRefresher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static rapport.Fixture.at;

/**
 * Issue 11: the people table and a person's profile in a real headless Chromium. A handle and a message text
 * carry markup (a script, an image with onerror): both must show as text and run nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeoplePagesBrowserTest implements FreshDatabase {

    static final String EVIL_HANDLE = "<img src=x onerror=window.__xss=1>";
    static final String EVIL_TEXT = "<script>window.__xss=2</script><img src=x onerror=window.__xss=3> my order?";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PersonSummaryRefresher refresher;

    Browser browser;

    @BeforeAll
    void importAndSignIn() {
        assumeTrue(Files.isExecutable(Browser.CHROMEDRIVER), "Debian's chromium-driver is not installed");
        Fixture f = new Fixture("x", "Shop");
        String ask = f.person(EVIL_HANDLE).mentions(at("2026-02-02T10:00:00Z"), EVIL_TEXT);
        f.brand().replies(ask, at("2026-02-02T10:45:00Z"), "@someone we are on it");
        f.person(EVIL_HANDLE).mentions(at("2026-02-10T10:00:00Z"), "still waiting <b>bold</b>");
        for (int i = 0; i < 60; i++) {
            f.person(String.format("fan%02d", i)).mentions(at("2026-02-03T10:00:00Z").plusSeconds(60L * i), "@Shop hi " + i);
        }
        new RapportApi(client).importFile("messages", f.csv());
        refresher.refresh();
        browser = new Browser(server.getURL().toString());
        browser.signIn("admin", TestDatabase.ADMIN_PASSWORD);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    void openPeople(String query) {
        browser.driver.get(browser.base + "/people.html?" + query);
        browser.waitUntilLoaded();
    }

    List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#rows tr"));
    }

    @Test
    void theTableShowsMarkupAsTextAndKeepsSortPresetAndPageInTheUrl() throws Exception {
        openPeople("accounts=x/Shop");
        assertEquals(50, rows().size());
        openPeople("accounts=x/Shop&q=img");
        assertEquals(1, rows().size());
        WebElement link = browser.driver.findElement(By.cssSelector("#rows a"));
        assertEquals(EVIL_HANDLE, link.getText());
        assertEquals(0, browser.driver.findElements(By.cssSelector("#rows img, #rows script")).size());
        assertNull(browser.js("return window.__xss"));

        openPeople("accounts=x/Shop");
        browser.driver.findElement(By.cssSelector("button[data-sort=messages]")).click();
        browser.waitFor().until(d -> browser.search().contains("sort=messages"));
        browser.waitUntilLoaded();
        assertEquals(EVIL_HANDLE, rows().get(0).findElement(By.tagName("a")).getText()); // the only one with two messages
        assertEquals("messages", browser.driver.findElement(By.cssSelector("th[aria-sort=descending] button")).getAttribute("data-sort"));

        browser.driver.findElement(By.cssSelector("#presets button[data-preset=waiting]")).click();
        browser.waitFor().until(d -> browser.search().contains("preset=waiting"));
        browser.waitUntilLoaded();
        assertEquals(50, rows().size()); // 60 fans and the person with markup wait: 61, 50 a page
        assertEquals("fan00", rows().get(0).findElement(By.tagName("a")).getText()); // the oldest unanswered turn first

        browser.driver.findElement(By.id("next")).click();
        browser.waitFor().until(d -> browser.search().contains("after="));
        browser.waitUntilLoaded();
        assertEquals(11, rows().size());
        browser.driver.navigate().back();
        browser.waitFor().until(d -> !browser.search().contains("after="));
        browser.waitUntilLoaded();
        assertEquals("fan00", rows().get(0).findElement(By.tagName("a")).getText());
        browser.screenshotOfWindow(Path.of("target/screenshots/people.png"));
    }

    @Test
    void theProfileShowsTheThreadTimelineAsTextAndTheTierChart() throws Exception {
        openPeople("accounts=x/Shop&q=img");
        browser.driver.findElement(By.cssSelector("#rows a")).click();
        browser.waitFor().until(d -> d.getCurrentUrl().contains("person.html"));
        browser.waitUntilLoaded();
        assertEquals(EVIL_HANDLE, browser.driver.findElement(By.id("handle")).getText());
        List<WebElement> texts = browser.driver.findElements(By.cssSelector("#threads .text"));
        assertTrue(texts.stream().anyMatch(t -> t.getText().equals(EVIL_TEXT)));
        assertTrue(texts.stream().anyMatch(t -> t.getText().equals("still waiting <b>bold</b>")));
        assertEquals(0, browser.driver.findElements(By.cssSelector("#threads img, #threads script, #threads b, #handle img")).size());
        assertNull(browser.js("return window.__xss"));
        String badges = browser.driver.findElement(By.id("threads")).getText();
        assertTrue(badges.contains("answered after 45 min"), badges);
        assertTrue(badges.contains("not answered"), badges);
        assertEquals(Boolean.TRUE, browser.js("return !!echarts.getInstanceByDom(document.getElementById('tier-chart'))"));
        assertTrue(browser.driver.findElement(By.id("totals")).getText().contains("Messages"));
        browser.screenshotOfWindow(Path.of("target/screenshots/person.png"));
    }
}
