package rapport.dashboard;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named explicitly, so that Selenium
 * Manager has nothing to look for and nothing is downloaded.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Pictures taken by the tests; the ones in docs/screenshots are copied from here by hand. */
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static final String MISSING = "Debian's chromium and chromium-driver are not installed (/usr/bin/chromium, "
            + "/usr/bin/chromedriver): the dashboard is NOT tested. Install them (.ci/run does) or run under CI=true to fail instead.";

    /**
     * Whether the browser tests can run. Under CI ({@code CI=true}) a missing browser fails the build: a green
     * run must mean the dashboard was tested. Elsewhere the tests are skipped, one by one, with the reason.
     */
    static boolean installed() {
        boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(MISSING);
        }
        if (!installed) {
            System.err.println("WARNING: " + MISSING);
        }
        return installed;
    }

    /** In each test's {@code @BeforeEach}: skipped (and counted as skipped) when there is no browser. */
    static void assumeStarted(Browser browser) {
        Assumptions.assumeTrue(browser != null, MISSING);
    }

    final ChromeDriver driver;
    final String base;
    /** Chromium's profile for this browser, removed when it closes (one per test class, else /tmp fills up). */
    private final Path profile;

    Browser(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            profile = Files.createTempDirectory("rapport-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--lang=en-GB", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1440, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void signIn(String username, String password) {
        driver.get(base + "/login.html");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor().until(d -> !d.getCurrentUrl().contains("login"));
    }

    /** Opens the dashboard at a query string and waits until every panel has drawn or said why not. */
    void open(String query) {
        driver.get(base + "/" + query);
        waitUntilLoaded();
    }

    void waitUntilLoaded() {
        waitFor().until(d -> "true".equals(js("return document.body.dataset.loaded")));
    }

    /** The page's query string, without the "?". */
    String search() {
        return (String) js("return location.search.substring(1)");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits up to 30 s; an element the page re-rendered meanwhile is looked up again on the next try. */
    WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** A picture of the whole page (the window grows to the page's height for it). */
    void screenshot(Path file) throws IOException {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) js("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(height.intValue() + 120, 8000)));
        js("window.dispatchEvent(new Event('resize'))");
        sleep(600); // the charts redraw for the new size (a picture only: no assertion waits on this)
        screenshotOfWindow(file);
        driver.manage().window().setSize(before);
    }

    /** A picture of what the window shows (a dialog stays in the middle of it). */
    void screenshotOfWindow(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("WARNING: could not remove " + profile + ": " + e);
        }
    }
}
