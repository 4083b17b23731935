package dev.restauth.demo;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven through its {@code chromedriver} by Selenium) with a
 * fresh profile, for tests of the demo page. Where the browser or its driver is not installed the test is skipped
 * with a {@code SKIPPED:} line on stderr, unless {@code REQUIRE_TEST_SERVICES} is set (CI sets it, after installing
 * both), which makes it a failure. Close it after the test.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static volatile boolean warned;

    private final WebDriver driver;
    private final WebDriverWait wait;

    private Chromium(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** A browser whose profile lives in {@code profile}, an empty directory; skips the test without Chromium. */
    static Chromium start(Path profile) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String message = "Chromium is not installed (" + BROWSER + " and " + DRIVER + ", Debian's chromium and "
                    + "chromium-driver)";
            if (System.getenv("REQUIRE_TEST_SERVICES") != null) {
                Assertions.fail(message + "; REQUIRE_TEST_SERVICES is set, so this is a failure");
            }
            if (!warned) {
                warned = true;
                System.err.println("SKIPPED: " + message + "; the demo page's browser tests are skipped. "
                        + "Install them with `apt-get install chromium chromium-driver`, or set "
                        + "REQUIRE_TEST_SERVICES=1 to make this a failure.");
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,2400", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Chromium(new ChromeDriver(service, options));
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement element(String id) {
        return driver.findElement(By.id(id));
    }

    /** Replaces the text of an input. */
    void type(String id, String text) {
        WebElement input = element(id);
        input.clear();
        input.sendKeys(text);
    }

    void click(String id) {
        element(id).click();
    }

    /** Waits until the element's visible text is exactly {@code text}. */
    void awaitText(String id, String text) {
        try {
            wait.until(ExpectedConditions.textToBe(By.id(id), text));
        } catch (TimeoutException e) {
            throw new AssertionError("#" + id + " shows '" + element(id).getText() + "', not '" + text + "'; "
                    + "the page's wire log:\n" + element("wire-log").getText(), e);
        }
    }

    /** Waits until the element's visible text contains {@code fragment}. */
    void awaitTextContaining(String id, String fragment) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), fragment));
        } catch (TimeoutException e) {
            throw new AssertionError("#" + id + " shows '" + element(id).getText() + "', without '" + fragment
                    + "'; the page's wire log:\n" + element("wire-log").getText(), e);
        }
    }

    /** The visible texts of the elements {@code cssSelector} matches, in document order. */
    List<String> texts(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).stream().map(WebElement::getText).toList();
    }

    /** Waits until the element is shown. */
    void awaitVisible(String id) {
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        } catch (TimeoutException e) {
            throw new AssertionError("#" + id + " is not shown; the page's wire log:\n"
                    + element("wire-log").getText(), e);
        }
    }

    /** Waits until an input holds exactly {@code value}. */
    void awaitValue(String id, String value) {
        try {
            wait.until(ExpectedConditions.attributeToBe(By.id(id), "value", value));
        } catch (TimeoutException e) {
            throw new AssertionError("#" + id + " holds '" + element(id).getDomProperty("value") + "', not '" + value
                    + "'", e);
        }
    }

    /** Deletes the cookies of the page's host (every port of it: cookies do not tell ports apart). */
    void forgetCookies() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
