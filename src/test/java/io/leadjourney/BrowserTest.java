package io.leadjourney;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.Collectors;

/**
 * The application in Debian's headless chromium (driven by Selenium, nothing downloaded at test time): a fresh
 * profile per test, the Camunda webapps' login, screenshots under {@code target/screenshots}.
 * Runs with {@code -Pbrowser}; needs {@code apt-get install chromium chromium-driver}.
 */
public abstract class BrowserTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int LOGIN_ATTEMPTS = 3;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final AtomicInteger TIMEOUTS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void startChromium() throws IOException {
        profile = Files.createTempDirectory("lead-journey-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1400,1400", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /**
     * A wait of {@link #PATIENCE} that, when it runs out, fails with what the browser showed: the address, the
     * webapp's notifications, the page's text, the console's messages (a request the server refused is one) and a
     * screenshot's file. A CI log then says why a page never showed what the test waited for.
     */
    protected WebDriverWait patiently() {
        return new WebDriverWait(browser, PATIENCE) {
            @Override
            protected RuntimeException timeoutException(String message, Throwable lastException) {
                return super.timeoutException(message + "\nWhat the browser showed: " + whatTheBrowserShows(),
                        lastException);
            }
        };
    }

    private String whatTheBrowserShows() {
        String text;
        try {
            text = browser.findElement(By.tagName("body")).getText().strip();
        } catch (RuntimeException e) {
            text = "(no text: " + e.getMessage() + ")";
        }
        if (text.length() > 2000) {
            text = text.substring(0, 2000) + "…";
        }
        String console;
        try {
            console = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString)
                    .collect(Collectors.joining("\n  "));
        } catch (RuntimeException e) {
            console = "(not read: " + e.getMessage() + ")";
        }
        return "address " + browser.getCurrentUrl() + "; notifications " + pageNotifications()
                + "; screenshot " + screenshotQuietly("timeout-" + TIMEOUTS.incrementAndGet() + ".png")
                + "\npage text:\n" + text + "\nconsole:\n  " + (console.isEmpty() ? "(empty)" : console);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Logs in to a Camunda webapp ({@code tasklist}, {@code cockpit}) as the user, whose password is the id.
     * The login form is AngularJS: keys typed while it is still binding can be lost, so each field is checked to
     * hold what was typed before the form is sent. A login the webapp did not accept is tried again, at most
     * {@value #LOGIN_ATTEMPTS} times in all, and each refusal is printed with what the page said, so a CI log
     * shows why; the last one fails the test with that text and a screenshot.
     */
    protected void logIn(String app, String user) {
        browser.get(url("/camunda/app/" + app + "/default/"));
        for (int attempt = 1; ; attempt++) {
            WebDriverWait wait = patiently();
            typeInto(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]"))),
                    user);
            typeInto(browser.findElement(By.cssSelector("input[type=password]")), user);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type=submit]"))).click();
            try {
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
                return;
            } catch (TimeoutException refused) {
                String said = pageNotifications();
                String shot = screenshotQuietly("login-refused-" + user + "-" + attempt + ".png");
                if (attempt == LOGIN_ATTEMPTS) {
                    throw new AssertionError("The " + app + " login of " + user + " was not accepted in "
                            + LOGIN_ATTEMPTS + " attempts; the page said: " + said + "; screenshot " + shot, refused);
                }
                System.err.printf("%s login of %s, attempt %d, not accepted in %s; the page said: %s; screenshot %s%n",
                        app, user, attempt, PATIENCE, said, shot);
                browser.navigate().refresh();
            }
        }
    }

    /** Types the text into the input and waits until the input holds exactly it, typing again if keys were lost. */
    private void typeInto(WebElement input, String text) {
        patiently().until(driver -> {
            if (text.equals(input.getDomProperty("value"))) {
                return true;
            }
            input.clear();
            input.sendKeys(text);
            return text.equals(input.getDomProperty("value"));
        });
    }

    /** The text of the webapp's notifications (such as "Wrong credentials"), or "nothing". */
    private String pageNotifications() {
        String text = browser.findElements(By.cssSelector(".notifications, .page-notifications")).stream()
                .map(WebElement::getText).map(String::strip).filter(t -> !t.isEmpty())
                .reduce((a, b) -> a + " | " + b).orElse("");
        return text.isEmpty() ? "nothing" : "\"" + text + "\"";
    }

    private String screenshotQuietly(String name) {
        try {
            return screenshot(name).toString();
        } catch (IOException | RuntimeException e) {
            return "not taken (" + e + ")";
        }
    }

    protected Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
