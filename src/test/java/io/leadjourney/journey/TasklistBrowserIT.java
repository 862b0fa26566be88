package io.leadjourney.journey;

import io.leadjourney.BrowserTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.leadjourney.journey.LeadJourney.TASK_ACCEPT_LEAD;
import static io.leadjourney.journey.LeadJourney.TIMER_ACCEPT_ESCALATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep works a lead in the real Camunda Tasklist, in Debian's headless chromium: logs in, opens "Accept lead",
 * sees the lead's company and score (as it is now) in the Camunda Form and accepts (SAL), logs the first contact, holds the
 * discovery call, and the lead becomes an SQL.
 * Runs with {@code -Pbrowser}; needs {@code apt-get install chromium chromium-driver}.
 */
class TasklistBrowserIT extends BrowserTest {

    @Test
    void repWorksALeadFromAcceptanceToSqlInTasklist() throws IOException {
        Map<String, Object> katherine = new HashMap<>(Map.of("email", uniqueEmail("browser"), "firstName",
                "Katherine", "lastName", "Johnson", "company", "Orbital Analytics", "employees", 250, "industry",
                "Aerospace", "role", "Head of Operations", "country", "United States", "source", "white paper",
                "wantsContact", true));
        katherine.put("phone", "+1 202 555 0147");
        long id = captureLead(katherine);
        runDueJobs(id);
        Task task = taskOf(id, TASK_ACCEPT_LEAD);
        assertThat(task.getAssignee()).isEqualTo("rep-c");
        // She reads the pricing page after the task was created: the rep sees the score of now.
        int scoreNow = post(INTEGRATION, "/api/leads/" + id + "/events", Map.of("type", "PRICING_PAGE_VISITED",
                "occurredAt", java.time.Instant.now().toString())).getBody().get("score").asInt();
        String tasklist = url("/camunda/app/tasklist/default/");
        logIn("tasklist", "rep-c");

        WebDriverWait wait = patiently();
        browser.get(tasklist);
        wait.until(driver -> driver.findElement(By.tagName("body")).getText().contains("Orbital Analytics"));
        String cards = browser.findElement(By.tagName("body")).getText();
        assertThat(cards).as("her card in 'My leads to accept' says whose lead it is").contains("Katherine Johnson",
                "Orbital Analytics");
        browser.get(tasklist + "#/?task=" + task.getId());
        wait.until(driver -> formValues().stream().anyMatch(value -> value.equals("Orbital Analytics")));
        List<String> shown = formValues();
        assertThat(shown).as("the form shows the lead's context").contains("Orbital Analytics", "Katherine Johnson",
                String.valueOf(scoreNow));
        assertThat(scoreNow).isEqualTo(65);
        assertThat(shown).anyMatch(value -> value.contains("Hand-raise"));
        assertThat(browser.findElements(By.cssSelector("a[href='/portal/leads/" + id + "']")))
                .as("the form links the lead's page in the portal").hasSize(1);
        screenshot("tasklist-accept-lead.png");

        chooseAndComplete(task, "Accept: I will contact this lead");
        assertThat(stageOf(id)).isEqualTo("SAL");
        assertThat(lead(id).get("timeline").get(2).get("to").asText()).isEqualTo("SAL");
        assertThat(lead(id).get("timeline").get(2).get("by").asText()).isEqualTo("rep-c");

        Task firstContact = taskOf(id, LeadJourney.TASK_FIRST_CONTACT);
        open(tasklist, firstContact, "3 call(s) and 3 e-mail(s) left; next attempt due by ");
        assertThat(formValues()).as("the number to call, on the contact form").contains("+1 202 555 0147");
        assertThat(browser.findElements(By.cssSelector("a[href='/portal/leads/" + id + "']")))
                .as("the contact form links the lead's page too").hasSize(1);
        chooseAndComplete(firstContact, "Call", "I reached the lead (we spoke or they replied)");

        Task discovery = taskOf(id, LeadJourney.TASK_DISCOVERY_CALL);
        open(tasklist, discovery, "Katherine Johnson");
        chooseAndComplete(discovery, "Budget: they have a budget range",
                "Authority: they decide or directly influence the purchase",
                "Need: they have a problem our product solves", "Within 3 months",
                "Ready for a demo / sales conversation (becomes SQL)");

        assertThat(stageOf(id)).isEqualTo("SQL");
        assertThat(lead(id).get("timeline").findValuesAsText("by")).containsExactly(INTEGRATION, "system", "rep-c",
                "rep-c");
    }

    /** No rep of the band is left: a manager picks the new rep from the active reps, by name, in the form. */
    @Test
    void aManagerPicksTheNewRepFromTheActiveRepsInTheReassignForm() throws IOException {
        long id = captureLead(Map.of("email", uniqueEmail("reassign"), "firstName", "Rosalind", "lastName",
                "Franklin", "company", "Helix Labs", "employees", 30, "role", "CFO", "wantsContact", true));
        runDueJobs(id);
        fireTimer(id, TIMER_ACCEPT_ESCALATION);
        Task reassign = taskOf(id, LeadJourney.TASK_REASSIGN_LEAD);
        logIn("tasklist", "manager");
        open(url("/camunda/app/tasklist/default/"), reassign, "Helix Labs");

        WebDriverWait wait = patiently();
        // The managers' task is the group's: the manager claims it first (Tasklist's "Claim").
        asUser("manager", () -> taskService.claim(reassign.getId(), "manager"));
        browser.navigate().refresh();
        open(url("/camunda/app/tasklist/default/"), reassign, "Helix Labs");
        dismissNotifications();
        // Typing into the searchable select opens its list (Tasklist's bar at the bottom covers a plain click).
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".fjs-form-field-select input")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});"
                + " arguments[0].focus();", search);
        search.sendKeys("(rep-");
        List<WebElement> options = wait.until(driver -> {
            List<WebElement> shown = driver.findElements(By.cssSelector(".fjs-dropdownlist-item"));
            return shown.isEmpty() ? null : shown;
        });
        List<String> labels = options.stream().map(WebElement::getText).toList();
        assertThat(labels).as("the active reps, by name and id").anyMatch(label -> label.endsWith("(rep-a)"))
                .anyMatch(label -> label.endsWith("(rep-b)"));
        WebElement repA = options.stream().filter(option -> option.getText().endsWith("(rep-a)")).findFirst()
                .orElseThrow();
        // form-js picks an item on mouse down.
        new Actions(browser).moveToElement(repA).click().perform();
        screenshot("tasklist-reassign-lead.png");
        dismissNotifications();
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))));
        wait.until(driver -> taskService.createTaskQuery().taskId(reassign.getId()).count() == 0);
        runDueJobs(id);

        assertThat(taskOf(id, TASK_ACCEPT_LEAD).getAssignee()).isEqualTo("rep-a");
        assertThat(lead(id).get("assignedRep").asText()).isEqualTo("rep-a");
    }

    @Test
    void aLeadWhoseFieldsHoldHtmlShowsAsTextInTheForm() {
        String hostile = "<img src=x onerror=\"document.title='pwned'\"><b id=injected>Bold</b>";
        long id = captureLead(Map.of("email", uniqueEmail("html"), "firstName", "Mallory", "lastName", hostile,
                "company", "<script>document.title='pwned'</script> Ltd", "employees", 250, "wantsContact", true));
        runDueJobs(id);
        Task task = taskOf(id, TASK_ACCEPT_LEAD);
        logIn("tasklist", task.getAssignee());
        open(url("/camunda/app/tasklist/default/"), task, "Mallory " + hostile);

        assertThat(formValues()).contains("<script>document.title='pwned'</script> Ltd");
        assertThat(browser.findElements(By.id("injected"))).as("no element made from the lead's data").isEmpty();
        assertThat(browser.getTitle()).doesNotContain("pwned");
    }

    /** Opens the task by deep link and waits until its Camunda Form shows {@code expected}. */
    private void open(String tasklist, Task task, String expected) {
        browser.get(tasklist + "#/?task=" + task.getId());
        patiently().until(driver -> formValues().stream()
                .anyMatch(value -> value.contains(expected)));
    }

    /** Clicks the labels of radio buttons and checkboxes, then Tasklist's Complete, and waits for the engine. */
    private void chooseAndComplete(Task task, String... labels) {
        WebDriverWait wait = patiently();
        for (String label : labels) {
            WebElement choice = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//div[contains(@class,'fjs-container')]//label[normalize-space(.)='" + label + "']")));
            click(choice);
        }
        dismissNotifications();
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))));
        wait.until(driver -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        runDueJobs(Long.parseLong(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()));
    }

    /** Closes Tasklist's notifications (such as "task completed"), which cover the bottom of the form. */
    private void dismissNotifications() {
        for (WebElement close : browser.findElements(By.cssSelector(".page-notifications .close"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
        patiently().until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".page-notifications .alert")));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** What the Camunda Form's inputs show, as the rep reads them. */
    @SuppressWarnings("unchecked")
    private List<String> formValues() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('.fjs-container input, .fjs-container textarea'))"
                        + ".map(e => e.value);");
    }
}
