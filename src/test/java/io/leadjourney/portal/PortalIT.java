package io.leadjourney.portal;

import io.leadjourney.IntegrationTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.leadjourney.journey.LeadJourney.TASK_ACCEPT_LEAD;
import static io.leadjourney.support.SqlTime.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's pages over HTTP: a manager finds a lead by name and opens its story (stages with reasons, the task it
 * waits at with its Tasklist link, the score and why, the profile); a rep opens only their own; marketing reads no
 * contact notes; a bad search or an unknown lead is a page that says so, with a 4xx.
 */
class PortalIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private ResponseEntity<String> page(String user, String path) {
        return http.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    @Test
    void aManagerFindsALeadByNameAndReadsItsStory() {
        String run = "p" + UUID.randomUUID().toString().substring(0, 8);
        long id = captureLead(Map.of("email", uniqueEmail("portal"), "firstName", "Grace", "lastName", "Hopper " + run,
                "company", "Compiler Corp", "employees", 20, "role", "CTO", "wantsContact", true,
                "phone", "+1 202 555 0100"));
        runDueJobs(id);
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        jdbc.update("insert into contact_attempt (lead_id, rep_id, channel, reached, attempted_at, note)"
                + " values (?, ?, 'CALL', false, ?, ?)", id, accept.getAssignee(), utc(Instant.now()),
                "Secret budget " + run);

        ResponseEntity<String> found = page("manager", "/portal/leads?q=hopper " + run);
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        assertThat(found.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(found.getBody()).contains("1 lead").contains("href=\"/portal/leads/" + id + "\"")
                .contains("Grace Hopper " + run).contains("Compiler Corp").contains("MQL");

        String story = page("manager", "/portal/leads/" + id).getBody();
        assertThat(story).contains("<h1>Grace Hopper " + run + "</h1>")
                .contains("Waiting at").contains("Accept lead")
                .contains("/camunda/app/tasklist/default/#/?task=" + accept.getId())
                .contains("/camunda/app/cockpit/default/#/process-instance/" + accept.getProcessInstanceId())
                .contains("Hand-raise").contains("+1 202 555 0100").contains("Secret budget " + run)
                .contains("Why this score").contains("lead-fit:v");

        String rep = accept.getAssignee();
        assertThat(page(rep, "/portal/leads/" + id).getStatusCode().value()).as("the lead's rep").isEqualTo(200);
        String other = "rep-b".equals(rep) ? "rep-a" : "rep-b";
        ResponseEntity<String> notTheirs = page(other, "/portal/leads/" + id);
        assertThat(notTheirs.getStatusCode().value()).as("another rep").isEqualTo(403);
        assertThat(notTheirs.getBody()).contains("belongs to another rep").doesNotContain("Hopper");

        ResponseEntity<String> marketing = page("marketing", "/portal/leads/" + id);
        assertThat(marketing.getStatusCode().value()).isEqualTo(200);
        assertThat(marketing.getBody()).contains("Grace Hopper " + run).doesNotContain("Secret budget")
                .contains("Notes are for sales.");
    }

    @Test
    void aBadSearchAnUnknownLeadAndStrangersGetAPageThatSaysSo() {
        ResponseEntity<String> bad = page("manager", "/portal/leads?stage=FOO");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("The search could not be made")
                .contains("stage: &#39;FOO&#39; is not a valid value");
        ResponseEntity<String> tooMany = page("manager", "/portal/leads?size=500&q=<script>alert(1)</script>");
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
        assertThat(tooMany.getBody()).contains("size: must be less than or equal to 200")
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"").doesNotContain("<script>");
        ResponseEntity<String> unknown = page("manager", "/portal/leads/987654321");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("There is no lead 987654321.");
        assertThat(page(INTEGRATION, "/portal/leads").getStatusCode().value()).as("a marketing system")
                .isEqualTo(403);
        assertThat(http.getForEntity("/portal/leads", String.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> home = page("manager", "/portal");
        assertThat(home.getStatusCode().value()).as("redirected to the search").isEqualTo(200);
        assertThat(home.getBody()).contains("<h1>Leads</h1>");
    }
}
