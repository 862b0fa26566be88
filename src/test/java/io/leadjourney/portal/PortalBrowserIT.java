package io.leadjourney.portal;

import io.leadjourney.BrowserTest;
import io.leadjourney.journey.LeadJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager logged in to Tasklist finds a lead by name in the portal with the keyboard, opens its page and follows
 * its story; every form field has its label, and the pages fit a phone's width. Its screenshots are the portal's in
 * docs/reps-and-managers.md ({@code docs/images/portal-leads.png}, {@code portal-lead.png}).
 */
class PortalBrowserIT extends BrowserTest {

    @Test
    void aManagerFindsALeadByNameAndFollowsItsStory() throws IOException {
        String email = uniqueEmail("hedy");
        long id = captureLead(Map.of("email", email, "firstName", "Hedy", "lastName", "Lamarr",
                "company", "Frequency Hopping Inc", "employees", 20, "role", "CTO", "wantsContact", true,
                "source", "webinar"));
        runDueJobs(id);
        for (String type : List.of("WEBINAR_ATTENDED", "PRICING_PAGE_VISITED")) {
            post(INTEGRATION, "/api/leads/" + id + "/events", Map.of("type", type, "occurredAt",
                    java.time.Instant.now().toString()));
        }
        completeAs("rep-b", taskOf(id, LeadJourney.TASK_ACCEPT_LEAD), accept());
        logIn("tasklist", "manager");

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/portal/leads"));
        WebDriverWait wait = patiently();
        WebElement words = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        assertThat(browser.switchTo().activeElement()).as("the search box has the focus").isEqualTo(words);
        for (WebElement field : browser.findElements(By.cssSelector("form.search input, form.search select"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
                    .as("a label for %s", field.getAttribute("id")).hasSize(1);
        }
        words.sendKeys("lamarr " + email, Keys.ENTER);
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Hedy Lamarr")));
        assertThat(browser.findElement(By.id("found")).getText()).isEqualTo("1 lead");
        List<String> row = browser.findElements(By.cssSelector("tbody tr td")).stream().map(WebElement::getText)
                .toList();
        assertThat(row).contains("Frequency Hopping Inc", "SAL", "rep-b");
        screenshot("portal-leads.png");

        link.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Hedy Lamarr"));
        String story = browser.findElement(By.id("main")).getText();
        assertThat(story).contains("Frequency Hopping Inc").contains("SAL").contains("Waiting at Make first contact")
                .contains("Accepted").contains("Why this score").contains("webinar").contains("Score over time");
        assertThat(browser.findElement(By.cssSelector("svg.trend")).getAttribute("aria-label"))
                .startsWith("Total score from");
        assertThat(browser.findElements(By.cssSelector("a[href*='/camunda/app/tasklist/default/#/?task=']")))
                .as("the task, in Tasklist").hasSize(1);
        screenshot("portal-lead.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        Object fits = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        assertThat(fits).as("the lead's page fits a phone's width (tables scroll in their box)").isEqualTo(true);

        // Back from Cockpit: the journey's page has a button to the lead's page (app/cockpit/lead-portal/link.js).
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + journeyOf(id).getId() + "/runtime"));
        WebElement back = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a[href='/portal/leads/" + id + "']")));
        assertThat(back.getText()).isEqualTo("Lead page");
        back.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Hedy Lamarr"));

        // The lead's rep, logged in to Tasklist, finds it too; marketing, who has no webapp, on the portal's login page.
        browser.manage().deleteAllCookies();
        logIn("tasklist", "rep-b");
        assertThat(findAndOpen("lamarr " + email, wait)).contains("Frequency Hopping Inc");
        browser.manage().deleteAllCookies();
        browser.get(url("/portal/leads"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("marketing");
        browser.findElement(By.id("password")).sendKeys("marketing", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        assertThat(findAndOpen("lamarr " + email, wait)).contains("Frequency Hopping Inc")
                .contains("Notes are for sales.");
        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "You are logged out."));
    }

    /** Searches the portal for the words, opens the one lead found, and answers its page's text. */
    private String findAndOpen(String words, WebDriverWait wait) {
        browser.get(url("/portal/leads"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q"))).sendKeys(words, Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Hedy Lamarr"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Hedy Lamarr"));
        return browser.findElement(By.id("main")).getText();
    }

    /** A manager's team page and reps page: a row per rep, every field labelled, readable at 1,280 px and on a phone. */
    @Test
    void aManagerReadsTheTeamAndSetsARepsCapacity() throws IOException {
        logIn("tasklist", "manager");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/portal/team"));
        WebDriverWait wait = patiently();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("team-rep-a")));
        assertThat(browser.findElement(By.id("team-rep-a")).getText()).contains("rep-a").contains("reps-small");
        screenshot("portal-team.png");

        browser.get(url("/portal/reps"));
        WebElement capacity = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("capacity-rep-d")));
        for (WebElement field : browser.findElements(By.cssSelector("main input:not([type=hidden]):not([type=checkbox])"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
                    .as("a label for %s", field.getAttribute("id")).hasSize(1);
        }
        String before = capacity.getAttribute("value");
        try {
            capacity.clear();
            capacity.sendKeys("12", Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main > .done, main > .problems")));
            assertThat(browser.findElement(By.id("main")).getText()).contains("rep-d now takes leads of reps-apac, up to 12 open");
            screenshot("portal-reps.png");
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url("/portal/team"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("team-rep-a")));
            Object fits = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;");
            assertThat(fits).as("the team page fits a phone's width").isEqualTo(true);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(url("/portal/reps"));
            WebElement again = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("capacity-rep-d")));
            again.clear();
            again.sendKeys(before == null ? "" : before, Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".done"),
                    "rep-d now takes leads of"));
        }
    }
}
