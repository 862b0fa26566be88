package io.leadjourney.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.sla.AcceptanceRateWatch.Verdict;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadjourney.journey.LeadJourney.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sales team over weeks: who gets the leads while a rep is away or full, and what managers hear when sales
 * stops accepting what marketing sends. Each scenario prints what happened, when.
 */
class TeamScenarioIT extends Scenario {

    private static final String APAC = "reps-apac";

    /**
     * Given the APAC team of Ana, Ben and Cleo, where Ana is at a trade fair from Monday to Wednesday and Ben takes
     * one open lead at most: on Monday the leads go to Ben until he has one, then to Cleo, and the routing reason
     * names who was skipped and why. On Thursday Ana is back and gets leads again; Ben, still full, does not.
     */
    @Test
    void aRepOnLeaveAndARepAtCapacityAreSkippedUntilTheyCanTakeLeads() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        deactivateRepsOf(APAC);
        String ana = newRep("ana-" + run, APAC, null);
        String ben = newRep("ben-" + run, APAC, 1);
        String cleo = newRep("cleo-" + run, APAC, null);
        ResponseEntity<JsonNode> leave = post("manager", "/api/reps/" + ana + "/absences",
                Map.of("firstDay", "2027-03-01", "lastDay", "2027-03-03", "reason", "Trade fair"));
        assertThat(leave.getStatusCode().value()).as("answer %s", leave.getBody()).isEqualTo(201);

        List<String> story = new ArrayList<>();
        at("2027-03-01T09:30");
        String first = apacLead("monday", story);
        assertThat(first).isIn(ben, cleo);
        String routedTo = first;
        while (!routedTo.equals(ben)) {
            routedTo = apacLead("monday", story);
        }
        at("2027-03-01T11:00");
        long full = apacLeadId("monday-late");
        JsonNode routed = lead(full);
        story.add(WHEN.format(now()) + " routed to " + routed.get("assignedRep").asText() + ": "
                + routed.get("routingReason").asText());
        assertThat(routed.get("assignedRep").asText()).isEqualTo(cleo);
        assertThat(routed.get("routingReason").asText())
                .contains(ana + " (away until 2027-03-03)")
                .contains(ben + " (at capacity: 1 of 1 open leads)");

        at("2027-03-04T09:30");
        List<String> thursday = List.of(apacLead("thursday", story), apacLead("thursday", story));
        System.out.println("Routing of the APAC team:\n  " + String.join("\n  ", story));
        assertThat(thursday).as("back from the trade fair").contains(ana).doesNotContain(ben);
    }

    /**
     * Given a September in which sales decides on ten MQLs and accepts nine (90 %, the floor), when on Monday a rep
     * rejects one more, then the watch's next check (its timer fires every 15 minutes) finds 81.8 %: managers get
     * one e-mail and one task in Tasklist, and the funnel and the dashboard show the same 81.8 %. A check a day later
     * tells nobody again. When sales accepts ten more, managers hear that the rate is back.
     */
    @Test
    void theAcceptanceRateFallingBelowTheFloorRaisesOneAlertAndTheDashboardShowsTheSameRate() {
        jdbc.update("delete from alert_state where name = 'acceptance-rate'");
        at("2027-09-01T10:00");
        for (int i = 0; i < 9; i++) {
            decide("accepted-" + i, true);
        }
        decide("rejected-0", false);
        at("2027-09-01T10:15");
        Map<String, Object> atTheFloor = watchChecks();
        assertThat(atTheFloor.get(VAR_ACCEPTANCE_RATE)).isEqualTo(0.9);
        assertThat(atTheFloor.get(VAR_VERDICT)).isEqualTo(Verdict.HOLDING.name());

        at("2027-09-06T11:00");
        decide("rejected-1", false);
        at("2027-09-06T11:15");
        Map<String, Object> below = watchChecks();
        assertThat(below.get(VAR_VERDICT)).isEqualTo(Verdict.RAISED.name());
        double rate = (Double) below.get(VAR_ACCEPTANCE_RATE);
        assertThat(rate).isCloseTo(9 / 11.0, within(1e-9));
        Task act = taskService.createTaskQuery().processDefinitionKey(WATCH_PROCESS_ID)
                .taskDefinitionKey(TASK_ACT_ON_ACCEPTANCE_RATE).singleResult();
        assertThat(act).as("the managers' task in Tasklist").isNotNull();
        assertThat(taskService.getIdentityLinksForTask(act.getId())).extracting("groupId").contains("managers");
        JsonNode acceptance = get("manager", "/api/funnel?from=2027-09-01&to=2027-09-30").getBody()
                .get("acceptance");
        assertThat(acceptance.get("alertRate").asDouble()).as("the figure the alert judged")
                .isCloseTo(rate, within(1e-9));
        assertThat(acceptance.get("rate").asDouble()).as("the dashboard's headline for September")
                .isCloseTo(rate, within(1e-9));
        assertThat(acceptance.get("belowFloor").asBoolean()).isTrue();

        at("2027-09-07T11:00");
        assertThat(watchChecks().get(VAR_VERDICT)).as("told once").isEqualTo(Verdict.STILL_BELOW.name());
        asUser("manager", () -> {
            taskService.claim(act.getId(), "manager");
            taskService.complete(act.getId(), Map.of(VAR_ACTION_TAKEN, "Reviewed the reject reasons with marketing"));
        });
        for (int i = 0; i < 10; i++) {
            decide("won-back-" + i, true);
        }
        at("2027-09-07T11:15");
        assertThat(watchChecks().get(VAR_VERDICT)).isEqualTo(Verdict.CLEARED.name());
        assertThat(taskService.createTaskQuery().processDefinitionKey(WATCH_PROCESS_ID).count())
                .as("one task for one fall").isZero();

        List<String> alerts = jdbc.query("select created_at, subject from notification where subject like"
                        + " 'Acceptance rate%' and created_at >= ? order by id",
                (row, n) -> WHEN.format(row.getTimestamp(1).toInstant()) + " " + row.getString(2),
                Timestamp.from(Instant.parse("2027-09-01T00:00:00Z")));
        System.out.println("Managers' alerts:\n  " + String.join("\n  ", alerts));
        assertThat(alerts).containsExactly("Mon 6 Sep 11:15 Acceptance rate 81.8 % is below the floor of 90.0 %",
                "Tue 7 Sep 11:15 Acceptance rate back at 90.5 % (floor 90.0 %)");
    }

    /** The watch's timer fires (as the job executor would every 15 minutes): what its check found. */
    private Map<String, Object> watchChecks() {
        List<String> before = runs();
        Job timer = managementService.createJobQuery().processDefinitionKey(WATCH_PROCESS_ID).timers()
                .singleResult();
        assertThat(timer).as("the watch's timer").isNotNull();
        managementService.executeJob(timer.getId());
        List<String> runs = new ArrayList<>(runs());
        runs.removeAll(before);
        assertThat(runs).as("one run of the watch").hasSize(1);
        Map<String, Object> found = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(runs.get(0)).list()
                .forEach(variable -> found.put(variable.getName(), variable.getValue()));
        return found;
    }

    private List<String> runs() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(WATCH_PROCESS_ID).list()
                .stream().map(run -> run.getId()).toList();
    }

    /** A hand-raise lead, routed, and its rep's decision on it. */
    private void decide(String who, boolean accept) {
        long id = captureLead(Map.of("email", uniqueEmail(who), "firstName", who, "company", who + " Ltd",
                "employees", 30, "wantsContact", true));
        runDueJobs(id);
        Task task = taskOf(id, TASK_ACCEPT_LEAD);
        completeAs(task.getAssignee(), task, accept ? accept()
                : Map.of(VAR_ACCEPT_DECISION, DECISION_REJECT, VAR_REJECT_REASON, "NOT_A_FIT"));
    }

    /** Routes a new APAC lead and answers its rep, telling the story. */
    private String apacLead(String who, List<String> story) {
        JsonNode routed = lead(apacLeadId(who));
        String rep = routed.get("assignedRep").asText();
        story.add(WHEN.format(now()) + " routed to " + rep + ": " + routed.get("routingReason").asText());
        return rep;
    }

    private long apacLeadId(String who) {
        long id = captureLead(Map.of("email", uniqueEmail(who), "firstName", who, "company", who + " Pty",
                "employees", 30, "country", "Australia", "wantsContact", true));
        runDueJobs(id);
        return id;
    }
}
