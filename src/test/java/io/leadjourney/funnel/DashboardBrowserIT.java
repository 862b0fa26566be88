package io.leadjourney.funnel;

import io.leadjourney.BrowserTest;
import io.leadjourney.journey.LeadJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager logged in to Cockpit opens {@code /dashboard} with the same login and sees the funnel drawn by
 * Chart.js, the acceptance rate against its floor and the stuck list, each lead linked to Cockpit and Tasklist.
 * Its screenshot is the one in docs/reps-and-managers.md ({@code docs/images/dashboard.png}).
 */
class DashboardBrowserIT extends BrowserTest {

    @Test
    void aManagerSeesTheFunnelAndWhereLeadsWait() throws IOException {
        for (int i = 0; i < 3; i++) {
            long id = captureLead(Map.of("email", uniqueEmail("dash" + i), "firstName", "Dash", "lastName", "Board " + i,
                    "company", "Panel " + i + " GmbH", "employees", 20, "wantsContact", true, "source", "webinar"));
            runDueJobs(id);
            if (i == 0) {
                completeAs("rep-b", taskOf(id, LeadJourney.TASK_ACCEPT_LEAD), accept());
            }
        }
        logIn("cockpit", "manager");

        browser.get(url("/dashboard"));
        patiently().until(driver -> "true".equals(
                ((JavascriptExecutor) driver).executeScript("return document.body.dataset.loaded;")));

        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("acceptance-rate")).getText()).endsWith("%");
        assertThat(browser.findElement(By.id("speed-detail")).getText())
                .startsWith("first contact within 30 minutes of routing (best practice)");
        assertThat(browser.findElement(By.id("acceptance-detail")).getText()).contains("floor 90 %")
                .contains("Last 30 days, as the alert counts: ");
        for (String chart : List.of("funnel-chart", "trend-chart", "reps-chart")) {
            Object drawn = ((JavascriptExecutor) browser).executeScript(
                    "return Chart.getChart(document.getElementById(arguments[0])) !== undefined;", chart);
            assertThat(drawn).as("chart %s drawn", chart).isEqualTo(true);
        }
        List<WebElement> stuck = browser.findElements(By.cssSelector("#stuck tr.stuck-lead"));
        assertThat(stuck).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#stuck a[href*='/camunda/app/cockpit/default/#/process-instance/']")))
                .as("leads link to their instance in Cockpit").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#stuck a[href*='/camunda/app/tasklist/default/#/?task=']")))
                .as("and to their task in Tasklist").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#stuck a[href^='/portal/leads/']")))
                .as("and to their page in the portal").hasSameSizeAs(stuck);
        Path shot = screenshot("dashboard.png");
        assertThat(Files.size(shot)).isPositive();
    }
}
