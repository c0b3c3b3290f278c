package rapport.dashboard;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import rapport.AdminTokenClientFilter;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.TestDatabase;
import rapport.demo.DemoAccounts;
import rapport.demo.DemoDataGenerator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: users, API tokens and data are managed from the admin page, in a real browser. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserTest implements FreshDatabase {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    Browser browser;

    @BeforeAll
    void importDataAndSignIn() {
        if (!Browser.installed()) {
            return;
        }
        RapportApi api = new RapportApi(client);
        DemoDataGenerator.DemoFiles demo = new DemoDataGenerator(2026, Instant.now()).generate();
        api.importFile("messages", demo.messages());
        api.importFile("followers", demo.followers());
        LocalDate week = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(10);
        api.importFile("messages", DashboardBrowserTest.shopA(week));
        api.importFile("messages", DashboardBrowserTest.shopB(week));
        browser = new Browser(server.getURL().toString());
        browser.signIn("admin", TestDatabase.ADMIN_PASSWORD);
    }

    @BeforeEach
    void openTheAdminPage() {
        Browser.assumeStarted(browser);
        browser.driver.get(browser.base + "/admin.html");
        browser.waitFor().until(d -> "true".equals(browser.js("return document.body.dataset.loaded")));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminAddsAUserChangesTheRoleSetsAPasswordAndRemovesThem() {
        type("user-name", "casey");
        type("user-password", "first-password-123");
        new Select(find("#user-role")).selectByValue("analyst");
        find("#user-form button[type=submit]").click();
        WebElement casey = browser.waitFor().until(d -> d.findElement(By.cssSelector("tr[data-user=casey]")));
        assertEquals("analyst", user("casey").get("role"));

        new Select(casey.findElement(By.tagName("select"))).selectByValue("viewer");
        browser.waitFor().until(d -> status().contains("casey is now viewer"));
        assertEquals("viewer", user("casey").get("role"));

        casey.findElement(By.xpath(".//button[text()='Set password…']")).click();
        type("ask-input", "second-password-456");
        find("#ask-ok").click();
        browser.waitFor().until(d -> status().contains("New password set for casey"));
        assertEquals(HttpStatus.OK, signIn("casey", "second-password-456"));
        assertEquals(HttpStatus.UNAUTHORIZED, signIn("casey", "first-password-123"));

        find("tr[data-user=casey]").findElement(By.xpath(".//button[text()='Remove…']")).click();
        find("#ask-ok").click();
        browser.waitFor().until(d -> d.findElements(By.cssSelector("tr[data-user=casey]")).isEmpty());
        assertTrue(users().stream().noneMatch(u -> "casey".equals(u.get("username"))));
        // an admin cannot demote or remove themselves from here
        WebElement admin = find("tr[data-user=admin]");
        assertFalse(admin.findElement(By.tagName("select")).isEnabled());
    }

    @Test
    void aTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() throws Exception {
        type("token-name", "nightly import");
        new Select(find("#token-role")).selectByValue("admin");
        find("#token-form button[type=submit]").click();
        String secret = browser.waitFor().until(d -> {
            String text = d.findElement(By.id("token-secret")).getText();
            return text.startsWith("rpt_") ? text : null;
        });
        assertTrue(find("#token-created").getText().contains("will not be shown again"));
        assertEquals(HttpStatus.OK, importsWith(secret));
        // the list is drawn again after each change: the row is looked up afresh each time it is used
        By tokenRow = By.xpath("//tbody[@id='tokens-list']/tr[td[1]='nightly import']");
        String rowText = browser.waitFor().until(d -> {
            String text = d.findElement(tokenRow).getText();
            return text.contains("active") ? text : null;
        });
        assertTrue(rowText.contains("admin"), rowText);
        assertFalse(rowText.contains(secret), "the list never shows a secret");
        browser.screenshot(Browser.SCREENSHOTS.resolve("admin.png"));

        browser.waitFor().until(d -> {
            d.findElement(tokenRow).findElement(By.xpath(".//button[text()='Revoke…']")).click();
            return true;
        });
        find("#ask-ok").click();
        browser.waitFor().until(d -> d.findElement(tokenRow).getText().contains("revoked"));
        assertEquals(HttpStatus.UNAUTHORIZED, importsWith(secret));
    }

    @Test
    void anAdminDeletesOneAccountAndTheDemoBrandAfterTypingWhatGoes() {
        List<String> demo = DemoAccounts.keys();
        assertTrue(accountKeys().containsAll(demo));
        // one account: OK stays disabled until its name is typed exactly
        find("tr[data-account='x/ShopB']").findElement(By.xpath(".//button[text()='Delete data…']")).click();
        type("ask-input", "x/Shop");
        assertFalse(find("#ask-ok").isEnabled());
        type("ask-input", "B");
        find("#ask-ok").click();
        browser.waitFor().until(d -> d.findElements(By.cssSelector("tr[data-account='x/ShopB']")).isEmpty());
        assertTrue(status().startsWith("Deleted x/ShopB: 5 messages"), status());
        HttpClientResponseException gone = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve("/api/metrics?accounts=x/ShopB"));
        assertEquals(HttpStatus.BAD_REQUEST, gone.getStatus());

        // the demo brand in one action
        String allBefore = client.toBlocking().retrieve("/api/metrics?metrics=active_interactors&grain=week");
        find("#demo-delete").click();
        type("ask-input", "demo");
        find("#ask-ok").click();
        browser.waitFor().until(d -> !d.findElement(By.id("demo-box")).isDisplayed());
        assertEquals(List.of("x/ShopA"), accountKeys());
        assertEquals(List.of(), client.toBlocking().retrieve(HttpRequest.GET("/api/accounts/demo"), Argument.listOf(String.class)));
        // "all accounts" is now the shop alone, in every figure
        String all = client.toBlocking().retrieve("/api/metrics?metrics=active_interactors&grain=week");
        String shop = client.toBlocking().retrieve("/api/metrics?metrics=active_interactors&grain=week&accounts=x/ShopA");
        assertFalse(all.equals(allBefore));
        assertEquals(shop.replace("\"scope\":\"x/ShopA\"", ""), all.replace("\"scope\":\"all\"", ""));
    }

    @Test
    void theDashboardLeadsAdminsToTheAdminPage() {
        browser.open("?range=week:12");
        browser.driver.findElement(By.id("open-admin")).click();
        browser.waitFor().until(d -> d.getCurrentUrl().endsWith("/admin.html"));
        browser.waitFor().until(d -> !d.findElements(By.cssSelector("tr[data-user=admin]")).isEmpty());
    }

    private WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    private void type(String id, String text) {
        browser.driver.findElement(By.id(id)).sendKeys(text);
    }

    private String status() {
        return browser.driver.findElement(By.id("status")).getText();
    }

    private List<Map<String, Object>> users() {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/users"), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private Map<String, Object> user(String name) {
        return users().stream().filter(u -> name.equals(u.get("username"))).findFirst().orElseThrow();
    }

    private List<String> accountKeys() {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/accounts"), Argument.listOf(Argument.mapOf(String.class, Object.class)))
                .stream().map(a -> (String) a.get("key")).toList();
    }

    private HttpStatus signIn(String username, String password) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST("/login", Map.of("username", username, "password", password))
                    .header(AdminTokenClientFilter.ANONYMOUS, "yes")).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    private HttpStatus importsWith(String token) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET("/api/imports").bearerAuth(token)).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }
}
