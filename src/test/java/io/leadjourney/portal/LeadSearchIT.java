package io.leadjourney.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadjourney.journey.LeadJourney.TASK_ACCEPT_LEAD;
import static io.leadjourney.support.SqlTime.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/leads}: finding leads by words, filters and SLA state, sorted and paged, each caller within what
 * their groups allow, and bad parameters answered as problem details that name them. Six leads written straight
 * into the table, each with this run's marker in its company, so other tests' leads never match.
 */
class LeadSearchIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private String run;
    private long ada;
    private long grace;
    private long linus;
    private long margaret;
    private long unassignedSmall;
    private long unassignedLarge;

    private long lead(String first, String last, String company, String stage, int score, String grade, String rep,
                      String group, String source, Instant created, Instant updated) {
        jdbc.update("insert into lead (email, first_name, last_name, company, stage, total_score, grade, assigned_rep,"
                        + " assigned_group, source, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (first + "." + last + "-" + run + "@search.example").toLowerCase(), first, last,
                company + " " + run, stage, score, grade, rep, group, source, utc(created), utc(updated));
        return jdbc.queryForObject("select max(id) from lead", Long.class);
    }

    @BeforeEach
    void sixLeads() {
        run = "s" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        Instant lastYear = LocalDate.of(2025, 3, 10).atStartOfDay(ZoneOffset.UTC).toInstant();
        ada = lead("Ada", "Lovelace", "Analytical Engines", "SAL", 80, "A1", "rep-a", "reps-small", "webinar",
                lastYear, now.minus(Duration.ofHours(1)));
        grace = lead("Grace", "Hopper", "Compiler Corp", "MQL", 65, "B2", "rep-b", "reps-mid", "web form",
                lastYear.plus(Duration.ofDays(30)), now.minus(Duration.ofHours(2)));
        linus = lead("Linus", "Torvalds", "Kernel_Works 100%", "NURTURE", 20, "C3", null, "reps-mid", "webinar",
                lastYear.plus(Duration.ofDays(60)), now.minus(Duration.ofHours(3)));
        margaret = lead("Margaret", "Hamilton", "Apollo Guidance", "SQL", 95, "A2", "rep-a", "reps-small", "referral",
                lastYear.plus(Duration.ofDays(90)), now.minus(Duration.ofHours(4)));
        unassignedSmall = lead("Edsger", "Dijkstra", "Shortest Paths", "MQL", 50, "B1", null, "reps-small",
                "trade show", lastYear.plus(Duration.ofDays(120)), now.minus(Duration.ofHours(5)));
        unassignedLarge = lead("Barbara", "Liskov", "Substitution Inc", "MQL", 55, "B1", null, "reps-large",
                "trade show", lastYear.plus(Duration.ofDays(150)), now.minus(Duration.ofHours(6)));
    }

    private ResponseEntity<JsonNode> find(String user, String query) {
        return get(user, "/api/leads?q=" + run + (query.isEmpty() ? "" : "&" + query));
    }

    private List<Long> ids(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode().value()).as("answer %s", answer.getBody()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.getBody().get("leads").forEach(lead -> ids.add(lead.get("id").asLong()));
        return ids;
    }

    @Test
    void wordsOfTheNameTheEmailOrTheCompanyFindALeadWhateverTheirCase() {
        assertThat(ids(get("manager", "/api/leads?q=GRACE " + run))).containsExactly(grace);
        assertThat(ids(get("marketing", "/api/leads?q=compiler corp " + run))).containsExactly(grace);
        assertThat(ids(get("manager", "/api/leads?q=lovelace-" + run + "@search"))).containsExactly(ada);
        assertThat(ids(get("manager", "/api/leads?q=100% " + run))).as("% is a character")
                .containsExactly(linus);
        assertThat(ids(get("manager", "/api/leads?q=_works " + run))).as("_ is a character")
                .containsExactly(linus);
        assertThat(ids(get("manager", "/api/leads?q=' or 1=1 -- " + run))).isEmpty();

        JsonNode found = find("manager", "").getBody();
        assertThat(found.get("total").asLong()).isEqualTo(6);
        JsonNode first = found.get("leads").get(0);
        assertThat(first.get("id").asLong()).as("newest change first").isEqualTo(ada);
        assertThat(first.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(first.get("company").asText()).isEqualTo("Analytical Engines " + run);
        assertThat(first.get("stage").asText()).isEqualTo("SAL");
        assertThat(first.get("score").asInt()).isEqualTo(80);
        assertThat(first.get("grade").asText()).isEqualTo("A1");
        assertThat(first.get("assignedRep").asText()).isEqualTo("rep-a");
        assertThat(first.get("assignedGroup").asText()).isEqualTo("reps-small");
        assertThat(first.get("breached").asBoolean()).isFalse();
    }

    @Test
    void filtersCombine() {
        assertThat(ids(find("manager", "stage=MQL,SAL"))).containsExactly(ada, grace, unassignedSmall,
                unassignedLarge);
        assertThat(ids(find("manager", "stage=MQL&stage=SQL"))).containsExactly(grace, margaret, unassignedSmall,
                unassignedLarge);
        assertThat(ids(find("manager", "rep=rep-a"))).containsExactly(ada, margaret);
        assertThat(ids(find("manager", "group=reps-mid"))).containsExactly(grace, linus);
        assertThat(ids(find("manager", "source=WEBINAR"))).containsExactly(ada, linus);
        assertThat(ids(find("manager", "scoreMin=55&scoreMax=80"))).containsExactly(ada, grace, unassignedLarge);
        assertThat(ids(find("manager", "grade=A"))).containsExactly(ada, margaret);
        assertThat(ids(find("manager", "grade=b1,C3"))).containsExactly(linus, unassignedSmall, unassignedLarge);
        assertThat(ids(find("manager", "createdFrom=2025-04-01&createdTo=2025-06-08")))
                .as("30, 60 and 90 days after 10 March; the last day counts").containsExactly(grace, linus, margaret);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(ids(find("manager", "updatedFrom=" + today.plusDays(1)))).isEmpty();
        assertThat(ids(find("manager", "stage=MQL&group=reps-small&scoreMin=50"))).containsExactly(unassignedSmall);
    }

    @Test
    void sortedAndPaged() {
        assertThat(ids(find("manager", "sort=-score"))).containsExactly(margaret, ada, grace, unassignedLarge,
                unassignedSmall, linus);
        assertThat(ids(find("manager", "sort=name"))).as("by last name").containsExactly(unassignedSmall,
                margaret, grace, unassignedLarge, ada, linus);
        assertThat(ids(find("manager", "sort=created"))).containsExactly(ada, grace, linus, margaret,
                unassignedSmall, unassignedLarge);
        JsonNode second = find("manager", "sort=-score&page=1&size=4").getBody();
        assertThat(second.get("total").asLong()).isEqualTo(6);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(4);
        assertThat(ids(find("manager", "sort=-score&page=1&size=4"))).containsExactly(unassignedSmall, linus);
    }

    @Test
    void aRepFindsTheirLeadsAndTheirBandsUnassignedOnes() {
        assertThat(ids(find("rep-a", ""))).as("rep-a of reps-small").containsExactly(ada, margaret,
                unassignedSmall);
        assertThat(ids(find("rep-a", "rep=rep-b"))).as("another rep's leads stay hidden").isEmpty();
        assertThat(ids(find("integration", ""))).hasSize(6);
        String outsider = "outsider-" + run;
        org.camunda.bpm.engine.identity.User user = identityService.newUser(outsider);
        user.setPassword(outsider);
        identityService.saveUser(user);
        try {
            assertThat(get(outsider, "/api/leads?q=" + run).getStatusCode().value()).as("a user in no group")
                    .isEqualTo(403);
        } finally {
            identityService.deleteUser(outsider);
        }
        assertThat(http.getForEntity("/api/leads", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theSlaStateFindsBreachedLeadsStillWithSalesAndTasksDueSoon() {
        jdbc.update("insert into sla_breach (lead_id, sla, rep_id, breached_at) values (?, 'ACCEPT_LEAD', 'rep-a', ?)",
                ada, utc(Instant.now()));
        jdbc.update("insert into sla_breach (lead_id, sla, rep_id, breached_at) values (?, 'ACCEPT_LEAD', 'rep-a', ?)",
                margaret, utc(Instant.now()));
        assertThat(ids(find("manager", "sla=BREACHED"))).as("Margaret is an SQL: no longer with sales")
                .containsExactly(ada);
        assertThat(find("manager", "").getBody().get("leads").get(0).get("breached").asBoolean()).isTrue();

        long journey = captureLead(Map.of("email", uniqueEmail("due-" + run), "firstName", "Due", "lastName", run,
                "company", "Soon " + run, "employees", 20, "wantsContact", true));
        runDueJobs(journey);
        Task accept = taskOf(journey, TASK_ACCEPT_LEAD);
        assertThat(ids(get("manager", "/api/leads?q=soon " + run + "&stage=MQL&rep=" + accept.getAssignee())))
                .as("captured, routed, waiting for acceptance").containsExactly(journey);
        assertThat(ids(find("manager", "sla=DUE_SOON"))).as("due in two working days").doesNotContain(journey);
        Instant soon = Instant.now().plus(Duration.ofHours(3));
        taskService.setDueDate(accept.getId(), Date.from(soon));
        assertThat(ids(find("manager", "sla=DUE_SOON"))).containsExactly(journey);
        JsonNode due = find("manager", "sla=DUE_SOON").getBody().get("leads").get(0);
        assertThat(Instant.parse(due.get("dueAt").asText())).isEqualTo(Date.from(soon).toInstant());
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        for (String[] bad : new String[][]{{"stage=FOO", "stage"}, {"size=500", "size"}, {"size=0", "size"},
                {"page=-1", "page"}, {"sort=cost", "sort"}, {"scoreMin=high", "scoreMin"},
                {"scoreMin=90&scoreMax=10", "scoreMax"}, {"grade=Z9", "grade[0]"},
                {"createdFrom=2026-02-01&createdTo=2026-01-01", "createdTo"}, {"updatedFrom=yesterday", "updatedFrom"},
                {"sla=LATE", "sla"}, {"q=" + "x".repeat(101), "q"}}) {
            ResponseEntity<JsonNode> answer = get("manager", "/api/leads?" + bad[0]);
            assertThat(answer.getStatusCode().value()).as("%s: %s", bad[0], answer.getBody()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(answer.getBody().get("errors").findValuesAsText("field")).as(bad[0]).contains(bad[1]);
        }
    }
}
