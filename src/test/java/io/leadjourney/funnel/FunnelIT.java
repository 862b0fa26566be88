package io.leadjourney.funnel;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import io.leadjourney.sla.AcceptanceRateWatch;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadjourney.support.SqlTime.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/funnel} on a hand-checked data set: six leads written straight into the application's tables
 * in a week of their own, long ago, so no other test's leads fall into it.
 */
class FunnelIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private RepositoryService repositoryService;

    private LocalDate monday;
    private Instant d0;
    private String run;
    private long open;

    private long lead(String source, String country, Integer employees, String rep, String stage) {
        Instant created = d0.plus(Duration.ofHours(1));
        jdbc.update("insert into lead (email, source, country, employees, assigned_rep, stage, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", run + "-" + UUID.randomUUID() + "@funnel.example", source,
                country, employees, rep, stage, utc(created), utc(created));
        long id = jdbc.queryForObject("select max(id) from lead", Long.class);
        move(id, null, "LEAD", 1, "system", "Captured");
        return id;
    }

    private void move(long lead, String from, String to, double hours, String by, String reason) {
        jdbc.update("insert into stage_transition (lead_id, from_stage, to_stage, changed_at, changed_by, reason)"
                + " values (?, ?, ?, ?, ?, ?)", lead, from, to, utc(at(hours)), by, reason);
    }

    private Instant at(double hours) {
        return d0.plusSeconds((long) (hours * 3600));
    }

    private void contact(long lead, String rep, double hours) {
        jdbc.update("insert into contact_attempt (lead_id, rep_id, channel, reached, attempted_at) values (?, ?, 'CALL',"
                + " true, ?)", lead, rep, utc(at(hours)));
    }

    private void deal(long lead, String outcome, Integer value) {
        jdbc.update("insert into opportunity (lead_id, estimated_value, temperature, created_at, created_by, outcome,"
                        + " deal_value, currency, closed_on) values (?, 12000, 'HOT', ?, 'rep', ?, ?, ?, ?)", lead,
                utc(at(50)), outcome, value, value == null ? null : "EUR", monday.plusDays(5));
    }

    private void breach(long lead, String sla, String rep, double hours) {
        jdbc.update("insert into sla_breach (lead_id, sla, rep_id, breached_at) values (?, ?, ?, ?)", lead, sla, rep,
                utc(at(hours)));
    }

    @BeforeEach
    void sixLeadsInAWeekOfTheirOwn() {
        monday = QuietWeeks.from(LocalDate.of(2001, 1, 1), jdbc);
        d0 = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
        run = UUID.randomUUID().toString().substring(0, 8);
        String repX = "rep-x-" + run;
        String repY = "rep-y-" + run;

        long won = lead("webinar", "germany", 20, repX, "WON");
        move(won, "LEAD", "MQL", 2, "system", "Grade A1");
        move(won, "MQL", "SAL", 6, repX, "Accepted by sales");
        contact(won, repX, 8);
        move(won, "SAL", "SQL", 48, repX, "Ready");
        deal(won, "WON", 10000);

        long lost = lead("webinar", "france", 5, repX, "LOST");
        move(lost, "LEAD", "MQL", 2, "system", "Grade A1");
        move(lost, "MQL", "SAL", 12, repX, "Accepted by sales");
        contact(lost, repX, 14);
        move(lost, "SAL", "SQL", 72, repX, "Ready");
        deal(lost, "LOST", null);
        breach(lost, "FIRST_CONTACT", repX, 24);

        long unfit = lead("trade show", "germany", 200, repY, "DISQUALIFIED");
        move(unfit, "LEAD", "MQL", 2, "system", "Grade B1");
        move(unfit, "MQL", "REJECTED", 4, repY, "NOT_A_FIT: a competitor");
        move(unfit, "REJECTED", "DISQUALIFIED", 4, "system", "Not a fit");
        breach(unfit, "ACCEPT_LEAD", repY, 72);

        long silent = lead("trade show", null, null, null, "DORMANT");
        move(silent, "LEAD", "NURTURE", 2, "system", "Not an MQL");
        move(silent, "NURTURE", "DORMANT", 120, "system", "No engagement");

        long later = lead("webinar", null, null, repY, "NURTURE");
        move(later, "LEAD", "MQL", 3, "system", "Hand-raise");
        move(later, "MQL", "REJECTED", 5, repY, "NOT_NOW");
        move(later, "REJECTED", "NURTURE", 5, "system", "Back to nurture");

        open = lead(null, null, 40, repX, "SAL");
        move(open, "LEAD", "MQL", 2, "system", "Grade A2");
        move(open, "MQL", "SAL", 4, repX, "Accepted by sales");
    }

    private ResponseEntity<JsonNode> funnel(String user, String query) {
        return get(user, "/api/funnel?" + query);
    }

    private String period() {
        return "from=" + monday + "&to=" + monday.plusDays(7);
    }

    @Test
    void theFunnelOfTheWeekAddsUpByHand() {
        ResponseEntity<JsonNode> answer = funnel("marketing", period() + "&groupBy=source");
        assertThat(answer.getStatusCode().value()).as("answer %s", answer.getBody()).isEqualTo(200);
        JsonNode report = answer.getBody();
        JsonNode all = report.get("total");
        assertThat(List.of(all.get("leads").asLong(), all.get("mqls").asLong(), all.get("sals").asLong(),
                all.get("sqls").asLong(), all.get("won").asLong(), all.get("lost").asLong(),
                all.get("rejected").asLong(), all.get("recycled").asLong(), all.get("dormant").asLong(),
                all.get("disqualified").asLong())).containsExactly(6L, 5L, 3L, 2L, 1L, 1L, 2L, 1L, 1L, 1L);
        JsonNode conversion = all.get("conversion");
        assertThat(conversion.get("leadToMql").asDouble()).isEqualTo(0.833);
        assertThat(conversion.get("mqlToSal").asDouble()).isEqualTo(0.6);
        assertThat(conversion.get("salToSql").asDouble()).isEqualTo(0.667);
        assertThat(conversion.get("sqlToWon").asDouble()).isEqualTo(0.5);
        assertThat(all.get("winRate").asDouble()).isEqualTo(0.5);
        assertThat(all.get("averageDealValue").decimalValue()).isEqualByComparingTo("10000");
        // Hours from MQL to acceptance: 4, 10 and 2 -> median 4, p90 10.
        assertThat(all.get("hoursToAccept").get("median").asDouble()).isEqualTo(4.0);
        assertThat(all.get("hoursToAccept").get("p90").asDouble()).isEqualTo(10.0);
        assertThat(all.get("hoursToFirstContact").get("median").asDouble()).isEqualTo(2.0);
        // Capture to SQL: 47 h and 71 h.
        assertThat(all.get("daysToSql").get("median").asDouble()).isEqualTo(2.0);
        assertThat(all.get("daysToSql").get("p90").asDouble()).isEqualTo(3.0);
        // Acceptance to SQL: 42 h and 60 h.
        assertThat(all.get("daysInSal").get("median").asDouble()).isEqualTo(1.8);
        assertThat(all.get("daysInSal").get("p90").asDouble()).isEqualTo(2.5);
        assertThat(all.get("rejectReasons").get("NOT_A_FIT").asLong()).isEqualTo(1);
        assertThat(all.get("rejectReasons").get("NOT_NOW").asLong()).isEqualTo(1);

        JsonNode acceptance = report.get("acceptance");
        assertThat(acceptance.get("rate").asDouble()).as("3 accepted of 5 decided").isEqualTo(0.6);
        assertThat(acceptance.get("belowFloor").asBoolean()).isTrue();

        JsonNode webinar = findBy(report.get("segments"), "key", "webinar");
        assertThat(webinar.get("leads").asLong()).isEqualTo(3);
        assertThat(webinar.get("sqls").asLong()).isEqualTo(2);
        assertThat(findBy(report.get("segments"), "key", "trade show").get("leads").asLong()).isEqualTo(2);
        assertThat(findBy(report.get("segments"), "key", "(none)").get("leads").asLong()).isEqualTo(1);

        JsonNode week = report.get("weeks").get(0);
        assertThat(report.get("weeks").size()).isEqualTo(1);
        assertThat(week.get("week").asText()).isEqualTo(monday.toString());
        assertThat(List.of(week.get("mqls").asLong(), week.get("sals").asLong(), week.get("sqls").asLong()))
                .containsExactly(5L, 3L, 2L);
        assertThat(week.get("mqlTarget").asDouble()).as("300 a quarter").isEqualTo(23.1);

        JsonNode repX = findBy(report.get("reps"), "rep", "rep-x-" + run);
        assertThat(repX.get("decisions").asLong()).isEqualTo(3);
        assertThat(repX.get("firstContactBreaches").asLong()).isEqualTo(1);
        assertThat(repX.get("compliance").asDouble()).as("2 of 3 within both SLAs").isEqualTo(0.667);
        JsonNode repY = findBy(report.get("reps"), "rep", "rep-y-" + run);
        assertThat(repY.get("acceptBreaches").asLong()).isEqualTo(1);
        assertThat(repY.get("compliance").asDouble()).as("2 decisions, 1 lapse").isEqualTo(0.667);

        JsonNode stuck = report.get("stuck");
        JsonNode waiting = findBy(stuck.get("oldest"), "leadId", String.valueOf(open));
        assertThat(waiting.get("stage").asText()).isEqualTo("SAL");
        assertThat(waiting.get("rep").asText()).isEqualTo("rep-x-" + run);
        assertThat(waiting.get("hoursWaiting").asDouble()).as("since %s, 04:00", monday)
                .isCloseTo(Duration.between(at(4), Instant.now()).toSeconds() / 3600.0,
                        org.assertj.core.data.Offset.offset(0.2));
        assertThat(stuck.get("perStage").get("SAL").get("open").asLong()).isPositive();
    }

    @Autowired
    private OpenWork openWork;
    @Autowired
    private AcceptanceRateWatch acceptanceRate;

    /** Marketing commits to more in the first quarter of 2027: a rule for that quarter, deployed, sets its target. */
    @Test
    void aQuarterTheCommitmentTableNamesHasItsOwnWeeklyTarget() throws IOException {
        String shipped;
        try (InputStream in = FunnelIT.class.getResourceAsStream("/mql-commitment.dmn")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String everyQuarter = "      <rule id=\"Rule_mql_commitment_1\">";
        assertThat(shipped).contains(everyQuarter);
        deployCommitment(shipped.replace(everyQuarter, """
                      <rule id="Rule_q1_2027">
                        <inputEntry id="InputEntry_q1_2027"><text>"2027-Q1"</text></inputEntry>
                        <outputEntry id="OutputEntry_q1_2027_mqls"><text>390</text></outputEntry>
                        <outputEntry id="OutputEntry_q1_2027_weeks"><text>13</text></outputEntry>
                      </rule>
                """ + everyQuarter));
        try {
            JsonNode weeks = funnel("manager", "from=2026-12-28&to=2027-01-11").getBody().get("weeks");
            assertThat(weeks.findValuesAsText("week")).containsExactly("2026-12-28", "2027-01-04");
            assertThat(weeks.findValues("mqlTarget").stream().map(JsonNode::asDouble).toList())
                    .as("the week of 28 December is in the fourth quarter of 2026").containsExactly(23.1, 30.0);
        } finally {
            deployCommitment(shipped);
        }
    }

    private void deployCommitment(String dmn) {
        repositoryService.createDeployment().name("funnel-it").addInputStream("mql-commitment.dmn",
                new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))).deploy();
    }

    @Test
    void anOpenLeadIsFoundWhereItWaitsInTheEngine() {
        long id = captureLead(Map.of("email", uniqueEmail("waiting"), "firstName", "Wai", "company", "Ting AG",
                "employees", 20, "wantsContact", true));
        runDueJobs(id);
        OpenWork.Waiting waiting = openWork.waitingOf(List.of(id)).get(id);
        assertThat(waiting.processInstanceId()).isEqualTo(journeyOf(id).getId());
        assertThat(waiting.taskId()).isEqualTo(taskOf(id, io.leadjourney.journey.LeadJourney.TASK_ACCEPT_LEAD).getId());
        assertThat(waiting.activity()).isEqualTo("Accept lead");
    }

    /**
     * One acceptance rate: the headline counts the decisions sales made in the period, as the alert does, also for a
     * lead captured long before it; the cohort's own rate (total) counts only the leads captured in the period.
     */
    @Test
    void theHeadlineAcceptanceRateIsTheAlertsDefinition() {
        Instant longBefore = d0.minus(Duration.ofDays(40));
        jdbc.update("insert into lead (email, stage, created_at, updated_at) values (?, 'SAL', ?, ?)",
                run + "-old-" + UUID.randomUUID() + "@funnel.example", utc(longBefore), utc(longBefore));
        long old = jdbc.queryForObject("select max(id) from lead", Long.class);
        move(old, "LEAD", "MQL", -900, "system", "Grade B2");
        move(old, "MQL", "SAL", 30, "rep-x-" + run, "Accepted by sales");

        JsonNode report = funnel("manager", period()).getBody();
        JsonNode acceptance = report.get("acceptance");
        assertThat(acceptance.get("accepted").asLong()).isEqualTo(4);
        assertThat(acceptance.get("rejected").asLong()).isEqualTo(2);
        assertThat(acceptance.get("rate").asDouble()).as("4 accepted of 6 decided in the week").isEqualTo(0.667,
                within(0.001));
        AcceptanceRateWatch.Check alert = acceptanceRate.decisions(d0, d0.plus(Duration.ofDays(7)));
        assertThat(acceptance.get("rate").asDouble()).isEqualTo(alert.rate(), within(0.0005));
        assertThat(report.get("total").get("acceptanceRate").asDouble()).as("the week's cohort: 3 of 5")
                .isEqualTo(0.6);
        Double alertNow = acceptanceRate.measure().rate();
        assertThat(acceptance.get("alertRate").isNull() ? null : acceptance.get("alertRate").asDouble())
                .as("the figure the alert judges, on the dashboard").isEqualTo(alertNow);
        assertThat(acceptance.get("alertWindowDays").asLong()).isEqualTo(30);
    }

    /** Speed to lead: routing to first contact, against the 30-minute best practice and the first-contact SLA. */
    @Test
    void speedToLeadIsMeasuredFromRoutingToTheFirstContact() {
        long fast = lead("web", "germany", 20, "rep-x-" + run, "SAL");
        move(fast, "LEAD", "MQL", 30, "system", "Grade A1");
        move(fast, "MQL", "SAL", 30.1, "rep-x-" + run, "Accepted by sales");
        contact(fast, "rep-x-" + run, 30.25);

        JsonNode speed = funnel("manager", period()).getBody().get("total").get("speedToLead");
        // Minutes from MQL to the first attempt: 15 (fast), 360 (won), 720 (lost, first-contact SLA breached).
        assertThat(speed.get("contacted").asLong()).isEqualTo(3);
        assertThat(speed.get("minutes").get("median").asDouble()).isEqualTo(360.0);
        assertThat(speed.get("minutes").get("p90").asDouble()).isEqualTo(720.0);
        assertThat(speed.get("within30Minutes").asDouble()).isEqualTo(0.333);
        assertThat(speed.get("withinOneWorkingDay").asDouble()).as("all on the day they were routed").isEqualTo(1.0);
        assertThat(speed.get("withinSla").asDouble()).isEqualTo(0.667);
        assertThat(speed.get("bestPracticeMinutes").asInt()).isEqualTo(30);
    }

    /** Without a period the funnel is the current quarter's; one end alone is a mistake named by the field. */
    @Test
    void withoutAPeriodTheFunnelIsTheCurrentQuarters() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate quarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        ResponseEntity<JsonNode> answer = funnel("manager", "");
        assertThat(answer.getStatusCode().value()).as("answer %s", answer.getBody()).isEqualTo(200);
        assertThat(answer.getBody().get("from").asText()).isEqualTo(quarter.toString());
        assertThat(answer.getBody().get("to").asText()).isEqualTo(quarter.plusMonths(3).toString());

        ResponseEntity<JsonNode> fromOnly = funnel("manager", "from=" + monday);
        assertThat(fromOnly.getStatusCode().value()).isEqualTo(400);
        assertThat(fromOnly.getBody().get("errors").get(0).get("field").asText()).isEqualTo("to");
        ResponseEntity<JsonNode> toOnly = funnel("manager", "to=" + monday);
        assertThat(toOnly.getStatusCode().value()).isEqualTo(400);
        assertThat(toOnly.getBody().get("errors").get(0).get("field").asText()).isEqualTo("from");
    }

    /** Segments are the bands lead-routing.dmn gives (never a copy of its size bands): 20, 5, 200 and unknown. */
    @Test
    void segmentsAreTheRoutingTablesBands() {
        JsonNode segments = funnel("manager", period() + "&groupBy=segment").getBody().get("segments");
        assertThat(segments.findValuesAsText("key")).containsExactlyInAnyOrder("Companies with 11-50 employees",
                "Companies with up to 10 employees", "Companies with more than 50 employees",
                "Company size unknown");
        assertThat(findBy(segments, "key", "Company size unknown").get("leads").asLong()).isEqualTo(2);
    }

    @Test
    void theCsvHasTheSameFiguresAsTheJson() {
        JsonNode json = funnel("manager", period() + "&groupBy=segment").getBody();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> csv = http.withBasicAuth("manager", "manager").exchange("/api/funnel?" + period()
                + "&groupBy=segment", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).startsWith("segment,leads,mqls,sals,sqls,won,lost,rejected");
        assertThat(lines).hasSize(2 + json.get("segments").size());
        String[] all = lines.get(1).split(",", -1);
        JsonNode total = json.get("total");
        assertThat(all[0]).isEqualTo("all");
        assertThat(List.of(all[1], all[2], all[3], all[4], all[5], all[6], all[7])).containsExactly(
                total.get("leads").asText(), total.get("mqls").asText(), total.get("sals").asText(),
                total.get("sqls").asText(), total.get("won").asText(), total.get("lost").asText(),
                total.get("rejected").asText());
        assertThat(all[12]).isEqualTo(total.get("conversion").get("mqlToSal").asText());
        assertThat(all[16]).isEqualTo(total.get("acceptanceRate").asText());
        assertThat(lines.stream().skip(2).map(line -> line.split(",", -1)[0]).toList())
                .containsExactlyElementsOf(json.get("segments").findValuesAsText("key"));
    }

    @Test
    void onlyMarketingManagersAndAdminsReadTheFunnelAndBadQueriesNameTheField() {
        assertThat(funnel("rep-a", period()).getStatusCode().value()).isEqualTo(403);
        assertThat(funnel("integration", period()).getStatusCode().value()).isEqualTo(403);
        assertThat(funnel("admin", period()).getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth("rep-a", "rep-a").getForEntity("/dashboard/", String.class).getStatusCode()
                .value()).as("a rep cannot open the dashboard").isEqualTo(403);
        assertThat(http.getForEntity("/dashboard/", String.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> page = http.withBasicAuth("manager", "manager").getForEntity("/dashboard/",
                String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("<canvas id=\"funnel-chart\"");
        assertThat(http.getForEntity("/webjars/chart.js/dist/chart.umd.js", String.class).getStatusCode().value())
                .as("Chart.js served by the app").isEqualTo(200);
        Map<String, String> bad = Map.of(
                "groupBy", period() + "&groupBy=colour",
                "from", "to=" + monday,
                "to", "from=" + monday + "&to=" + monday.minusDays(1),
                "from ", "from=last-week&to=" + monday);
        bad.forEach((field, query) -> {
            ResponseEntity<JsonNode> answer = funnel("marketing", query);
            assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(answer.getBody().get("errors").findValuesAsText("field")).as(query)
                    .containsExactly(field.trim());
        });
    }
}
