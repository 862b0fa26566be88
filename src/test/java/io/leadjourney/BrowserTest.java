package io.leadjourney;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The application in Debian's headless chromium (driven by Selenium, nothing downloaded at test time): a fresh
 * profile per test, the Camunda webapps' login, screenshots under {@code target/screenshots}.
 * Runs with {@code -Pbrowser}; needs {@code apt-get install chromium chromium-driver}.
 */
public abstract class BrowserTest extends IntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Logs in to a Camunda webapp ({@code tasklist}, {@code cockpit}) as the user, whose password is the id. */
    protected void logIn(String app, String user) {
        browser.get(url("/camunda/app/" + app + "/default/"));
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        browser.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    }

    protected Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
