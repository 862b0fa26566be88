package io.leadjourney.portal;

import io.leadjourney.IntegrationTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadjourney.journey.LeadJourney.DECISION_REJECT;
import static io.leadjourney.journey.LeadJourney.TASK_ACCEPT_LEAD;
import static io.leadjourney.journey.LeadJourney.TIMER_ACCEPT_REMINDER;
import static io.leadjourney.journey.LeadJourney.VAR_ACCEPT_DECISION;
import static io.leadjourney.journey.LeadJourney.VAR_REJECT_NOTE;
import static io.leadjourney.journey.LeadJourney.VAR_REJECT_REASON;
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
        fireTimer(id, TIMER_ACCEPT_REMINDER);
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
                .contains("Why this score").contains("lead-fit:v")
                .contains(accept.getAssignee() + ", Reminder: ").contains("Hopper " + run + " (");

        assertThat(story).as("a manager is offered the reps page").contains("href=\"/portal/reps\"");
        String rep = accept.getAssignee();
        ResponseEntity<String> repsOwn = page(rep, "/portal/leads/" + id);
        assertThat(repsOwn.getStatusCode().value()).as("the lead's rep").isEqualTo(200);
        assertThat(repsOwn.getBody()).as("a rep is not offered the reps page").doesNotContain("href=\"/portal/reps\"");
        String other = "rep-b".equals(rep) ? "rep-a" : "rep-b";
        ResponseEntity<String> notTheirs = page(other, "/portal/leads/" + id);
        assertThat(notTheirs.getStatusCode().value()).as("another rep").isEqualTo(403);
        assertThat(notTheirs.getBody()).contains("belongs to another rep").doesNotContain("Hopper");

        ResponseEntity<String> marketing = page("marketing", "/portal/leads/" + id);
        assertThat(marketing.getStatusCode().value()).isEqualTo(200);
        assertThat(marketing.getBody()).contains("Grace Hopper " + run).doesNotContain("Secret budget")
                .contains("Notes are for sales.");
    }

    /** An SQL's page: what the discovery call recorded, the hand-off webhook sent for it, its score over time. */
    @Test
    void anSqlsPageShowsItsDiscoveryCallItsWebhooksAndItsScoreOverTime() {
        long id = captureLead(Map.of("email", uniqueEmail("portal-sql"), "firstName", "Katherine", "lastName",
                "Johnson", "company", "Orbital", "employees", 30, "role", "CTO", "wantsContact", true));
        runDueJobs(id);
        for (String type : List.of("PRICING_PAGE_VISITED", "WEBINAR_ATTENDED")) {
            assertThat(post(INTEGRATION, "/api/leads/" + id + "/events", Map.of("type", type, "occurredAt",
                    Instant.now().toString())).getStatusCode().value()).isEqualTo(200);
        }
        handToSales(id);

        String story = page("manager", "/portal/leads/" + id).getBody();
        assertThat(story).contains("Discovery call").contains("<dt>Budget</dt><dd>yes</dd>")
                .contains("WITHIN_3_MONTHS").contains("<dd>READY</dd>");
        assertThat(story).contains("Webhooks sent").contains("lead.sql");
        assertThat(story).contains("Score over time").contains(" points=\"5.0,");
        List<Integer> totals = jdbc.queryForList("select total_score from score_change where lead_id = ? order by"
                + " scored_at, id", Integer.class, id);
        assertThat(totals).as("scored at capture and moved by each event").hasSizeGreaterThanOrEqualTo(3)
                .doesNotHaveDuplicates().isSorted();
        assertThat(story).contains("aria-label=\"Total score from " + totals.get(0) + " to "
                + totals.get(totals.size() - 1) + "\"");
    }

    /** Each user keeps their own searches: saved under a name, a link that makes the search again, deleted. */
    @Test
    void aUserKeepsTheirOwnSearches() {
        String name = "Breached MQLs " + UUID.randomUUID().toString().substring(0, 6);
        String[] manager = sessionOf("manager");
        String after = leadsAfterPost("manager", manager, "/portal/saved-searches", "name=" + name
                + "&query=stage%3DMQL%26sla%3DBREACHED");
        assertThat(after).contains("Saved the search as \u201c" + name + "\u201d.")
                .contains("href=\"/portal/leads?stage=MQL&amp;sla=BREACHED\">" + name + "</a>");
        assertThat(page("rep-a", "/portal/leads").getBody()).as("another user's").doesNotContain(name);

        assertThat(leadsAfterPost("manager", manager, "/portal/saved-searches", "name=x&query=%3Cscript%3E"))
                .contains("query: must be the search&#39;s query string");
        assertThat(leadsAfterPost("manager", manager, "/portal/saved-searches", "name=&query=stage%3DSQL"))
                .contains("name: must be 1 to 100 characters");

        long id = jdbc.queryForObject("select id from saved_search where user_id = 'manager' and name = ?",
                Long.class, name);
        assertThat(leadsAfterPost("rep-a", sessionOf("rep-a"), "/portal/saved-searches/" + id + "/delete", ""))
                .contains("id: is not one of your saved searches");
        assertThat(leadsAfterPost("manager", manager, "/portal/saved-searches/" + id + "/delete", ""))
                .contains("Deleted the saved search.").doesNotContain(name);
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
        ResponseEntity<String> stranger = http.getForEntity("/portal/leads", String.class);
        assertThat(stranger.getStatusCode().value()).as("sent to the login page").isEqualTo(200);
        assertThat(stranger.getBody()).contains("Log in to the lead portal").doesNotContain("<h1>Leads</h1>");
        ResponseEntity<String> home = page("manager", "/portal");
        assertThat(home.getStatusCode().value()).as("redirected to the search").isEqualTo(200);
        assertThat(home.getBody()).contains("<h1>Leads</h1>");
    }

    /** The page names who gets each band's next lead; a manager puts that rep on leave, and the next lead goes elsewhere. */
    @Test
    void aManagerPutsARepOnLeaveFromThePageAndTheNextLeadGoesElsewhere() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        deactivateRepsOf("reps-apac");
        String first = newRep("leave-a-" + run, "reps-apac", null);
        String second = newRep("leave-b-" + run, "reps-apac", null);
        try {
            ResponseEntity<String> page = page("manager", "/portal/reps");
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            String next = nextInLine(page.getBody(), "reps-apac");
            assertThat(next).isIn(first, second);
            String other = next.equals(first) ? second : first;
            String session = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
            java.util.regex.Matcher token = java.util.regex.Pattern
                    .compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
            assertThat(token.find()).as("the forms carry a CSRF token").isTrue();

            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            String leave = "firstDay=" + today + "&lastDay=" + today + "&reason=Dentist";
            assertThat(postForm(session, "/portal/reps/" + next + "/absences", leave).getStatusCode().value())
                    .as("without the token").isEqualTo(403);
            ResponseEntity<String> posted = postForm(session, "/portal/reps/" + next + "/absences",
                    leave + "&_csrf=" + token.group(1));
            assertThat(posted.getStatusCode().value()).as("answer %s", posted.getBody()).isIn(200, 302);

            HttpHeaders cookie = new HttpHeaders();
            cookie.add(HttpHeaders.COOKIE, session);
            // The page after the post (the client may have followed the redirect itself): once, with the message.
            String after = posted.getStatusCode().value() == 200 ? posted.getBody() : http.withBasicAuth("manager",
                    "manager").exchange("/portal/reps", HttpMethod.GET, new HttpEntity<>(cookie), String.class)
                    .getBody();
            assertThat(after).contains(next + " is away from " + today + " to " + today + ".");
            assertThat(nextInLine(after, "reps-apac")).isEqualTo(other);
            assertThat(after).contains(next + " (away until " + today + ")");

            long lead = captureLead(Map.of("email", uniqueEmail("apac"), "firstName", "Yoko", "lastName", "Tanaka",
                    "company", "Kaizen KK", "role", "CTO", "country", "Japan", "employees", 40, "wantsContact", true));
            runDueJobs(lead);
            assertThat(lead(lead).get("assignedRep").asText()).as("the next lead goes elsewhere").isEqualTo(other);
            assertThat(page("rep-a", "/portal/reps").getStatusCode().value()).as("a rep").isEqualTo(403);

            // The other rep is full at one open lead: nobody is left for the band while the first is away.
            String full = afterPost(session, "/portal/reps/" + other, "groups=reps-apac&groups=sales-reps"
                    + "&maxOpenLeads=1&active=true&_csrf=" + token.group(1));
            assertThat(full).contains(other + " now takes leads of reps-apac, sales-reps, up to 1 open.");
            assertThat(nextInLine(full, "reps-apac")).isEqualTo("nobody is available; the managers reassign it");
            assertThat(afterPost(session, "/portal/reps/" + other, "groups=reps-apac&maxOpenLeads=many&_csrf="
                    + token.group(1))).contains(other + ": maxOpenLeads must be a whole number, or empty for no limit");
            assertThat(afterPost(session, "/portal/reps/" + other, "maxOpenLeads=3&_csrf=" + token.group(1)))
                    .contains(other + ": groups must not be empty");
            assertThat(afterPost(session, "/portal/reps/" + other, "groups=camunda-admin&active=true&_csrf=" + token.group(1)))
                    .contains(other + ": groups: &#39;camunda-admin&#39; is not a sales band");
        } finally {
            deactivateRepsOf("reps-apac");
        }
    }

    /** A rep's open leads, the most urgent first; marketing's page of the leads sales sent back, with the reasons. */
    @Test
    void aRepsLeadsMostUrgentFirstAndTheRejectedLeadsWithTheirReasons() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        deactivateRepsOf("reps-apac");
        String rep = newRep("urgent-" + run, "reps-apac", null);
        try {
            long later = apacLead("Later " + run);
            long sooner = apacLead("Sooner " + run);
            Task laterTask = taskOf(later, TASK_ACCEPT_LEAD);
            Task soonerTask = taskOf(sooner, TASK_ACCEPT_LEAD);
            assertThat(List.of(laterTask.getAssignee(), soonerTask.getAssignee())).containsOnly(rep);
            taskService.setDueDate(laterTask.getId(), Date.from(Instant.now().plus(Duration.ofDays(2))));
            taskService.setDueDate(soonerTask.getId(), Date.from(Instant.now().plus(Duration.ofHours(1))));
            String mine = http.withBasicAuth(rep, rep + "-secret").getForEntity("/portal/my-leads", String.class)
                    .getBody();
            assertThat(mine.indexOf("Sooner " + run)).as("due sooner, listed first").isPositive()
                    .isLessThan(mine.indexOf("Later " + run));
            jdbc.update("insert into sla_breach (lead_id, sla, rep_id, breached_at) values (?, 'ACCEPT_LEAD', ?, ?)",
                    later, rep, utc(Instant.now()));
            mine = http.withBasicAuth(rep, rep + "-secret").getForEntity("/portal/my-leads", String.class).getBody();
            assertThat(mine.indexOf("Later " + run)).as("breached, listed first").isPositive()
                    .isLessThan(mine.indexOf("Sooner " + run));
            assertThat(teamRow(rep)).as("bands, open, due soon, breached, leads of the last 30 days, accepted")
                    .startsWith("reps-apac", "2", "1", "1", "2", "–");

            completeAs(rep, soonerTask, Map.of(VAR_ACCEPT_DECISION, DECISION_REJECT, VAR_REJECT_REASON, "NOT_A_FIT",
                    VAR_REJECT_NOTE, "an agency " + run));
            ResponseEntity<String> rejected = page("marketing", "/portal/rejections");
            assertThat(rejected.getStatusCode().value()).isEqualTo(200);
            assertThat(rejected.getBody()).contains("NOT_A_FIT: an agency " + run)
                    .contains("href=\"/portal/leads/" + sooner + "\"").contains("Sooner " + run);
            assertThat(page(rep.equals("rep-a") ? "rep-b" : "rep-a", "/portal/rejections").getStatusCode().value())
                    .as("a rep").isEqualTo(403);
            assertThat(page("marketing", "/portal/rejections?from=2026-02-01&to=2026-01-01").getStatusCode()
                    .value()).isEqualTo(400);
            assertThat(teamRow(rep)).as("one decision, a rejection").startsWith("reps-apac", "1", "0", "1", "2", "0%");
            assertThat(http.withBasicAuth(rep, rep + "-secret").getForEntity("/portal/team", String.class)
                    .getStatusCode().value()).as("a rep").isEqualTo(403);
            assertThat(page("marketing", "/portal/team").getStatusCode().value()).isEqualTo(403);
            assertThat(page("manager", "/portal/team?from=2026-02-01&to=2026-01-01").getStatusCode().value())
                    .isEqualTo(400);
        } finally {
            deactivateRepsOf("reps-apac");
        }
    }

    /** The cells of a rep's row on the team page, after the rep's name. */
    private List<String> teamRow(String rep) {
        String team = page("manager", "/portal/team").getBody();
        String row = team.substring(team.indexOf("id=\"team-" + rep + "\""));
        row = row.substring(row.indexOf("</th>"), row.indexOf("</tr>"));
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("<td[^>]*>\\s*(?:<a[^>]*>)?([^<]*)").matcher(row);
        while (cell.find()) {
            cells.add(cell.group(1).trim());
        }
        return cells;
    }

    private long apacLead(String company) {
        long id = captureLead(Map.of("email", uniqueEmail("apac"), "firstName", "Kenji", "lastName", "Sato",
                "company", company, "role", "CTO", "country", "Japan", "employees", 40, "wantsContact", true));
        runDueJobs(id);
        return id;
    }

    /** Posts a form with the session and answers the page it leads to. */
    private String afterPost(String session, String path, String form) {
        ResponseEntity<String> posted = postForm(session, path, form);
        assertThat(posted.getStatusCode().value()).as("answer %s", posted.getBody()).isIn(200, 302);
        if (posted.getStatusCode().value() == 200) {
            return posted.getBody();
        }
        HttpHeaders cookie = new HttpHeaders();
        cookie.add(HttpHeaders.COOKIE, session);
        return http.withBasicAuth("manager", "manager").exchange("/portal/reps", HttpMethod.GET,
                new HttpEntity<>(cookie), String.class).getBody();
    }

    private ResponseEntity<String> postForm(String session, String path, String form) {
        return postForm("manager", session, path, form);
    }

    private ResponseEntity<String> postForm(String user, String session, String path, String form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, session);
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
    }

    /** A user's portal session and the CSRF token its forms carry, from the leads page. */
    private String[] sessionOf(String user) {
        ResponseEntity<String> page = page(user, "/portal/leads");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).as("the forms carry a CSRF token").isTrue();
        return new String[]{page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0], token.group(1)};
    }

    /** Posts a form as the user and answers the leads page it leads to, with its message. */
    private String leadsAfterPost(String user, String[] session, String path, String form) {
        ResponseEntity<String> posted = postForm(user, session[0], path, form + "&_csrf=" + session[1]);
        assertThat(posted.getStatusCode().value()).as("answer %s", posted.getBody()).isIn(200, 302);
        if (posted.getStatusCode().value() == 200) {
            return posted.getBody();
        }
        HttpHeaders cookie = new HttpHeaders();
        cookie.add(HttpHeaders.COOKIE, session[0]);
        return http.withBasicAuth(user, user).exchange(posted.getHeaders().getLocation(), HttpMethod.GET,
                new HttpEntity<>(cookie), String.class).getBody();
    }

    /** The rep the page names for the band's next lead. */
    private static String nextInLine(String page, String band) {
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("<strong>" + band
                + "</strong>:\\s*<span>([^<]+)</span>").matcher(page);
        assertThat(line.find()).as("the next rep of %s on the page", band).isTrue();
        return line.group(1);
    }
}
