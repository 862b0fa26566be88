package io.leadjourney.scenario;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadjourney.journey.LeadJourney.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance and first-contact SLAs over real weeks. "1 working day" reminds, "2 working days" breaches, and the
 * task's due date in Tasklist is the breach.
 */
class SlaClockScenarioIT extends Scenario {

    /**
     * Given a lead routed on a Tuesday morning, when the rep accepts it that afternoon, then no SLA is breached; the
     * first attempt misses the lead, and the next one is due when the team works, with the earlier attempt shown.
     */
    @Test
    void acceptedWithinTheSlaOnAWeekday() {
        at("2026-12-01T10:00");
        long id = handRaise("weekday");
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        assertThat(timerDue(id, TIMER_ACCEPT_REMINDER)).isEqualTo("Wed 2 Dec 10:00");
        assertThat(due(accept)).as("due date in Tasklist = the breach").isEqualTo("Thu 3 Dec 10:00")
                .isEqualTo(timerDue(id, TIMER_ACCEPT_ESCALATION));

        at("2026-12-01T15:00");
        completeAs(accept.getAssignee(), accept, accept());
        Task firstContact = taskOf(id, TASK_FIRST_CONTACT);
        assertThat(due(firstContact)).isEqualTo("Thu 3 Dec 15:00").isEqualTo(timerDue(id, TIMER_FIRST_CONTACT_BREACH));
        assertThat(timerDue(id, TIMER_FIRST_CONTACT_REMINDER)).isEqualTo("Wed 2 Dec 15:00");
        assertThat((String) taskService.getVariable(firstContact.getId(), VAR_ATTEMPTS_LEFT))
                .endsWith("next attempt due by Thu 3 Dec 15:00 (UTC)");

        at("2026-12-01T16:00");
        completeAs(firstContact.getAssignee(), firstContact, Map.of(VAR_CONTACT_CHANNEL, "CALL", VAR_LEAD_REACHED,
                false, VAR_CONTACT_NOTE, "Voicemail, call back after 10"));
        Task next = taskOf(id, TASK_CONTACT_ATTEMPT);
        // 5 attempts left over the rest of the window (to Tue 15 Dec 15:00): 67 h on, in working hours.
        assertThat(due(next)).as("the next attempt has a due date in Tasklist").isEqualTo("Fri 4 Dec 11:00");
        assertThat(taskService.getVariable(next.getId(), VAR_CONTACT_CHANNEL)).as("no channel chosen for the rep")
                .isNull();
        assertThat((String) taskService.getVariable(next.getId(), VAR_EARLIER_ATTEMPTS))
                .isEqualTo("Tue 1 Dec 16:00 CALL by " + firstContact.getAssignee()
                        + ", not reached: Voicemail, call back after 10");

        List<String> timeline = timeline(id);
        assertThat(timeline).anyMatch(line -> line.startsWith("Tue 1 Dec 10:00") && line.contains("LEAD -> MQL"))
                .anyMatch(line -> line.startsWith("Tue 1 Dec 15:00") && line.contains("MQL -> SAL"))
                .noneMatch(line -> line.contains("SLA breach"));
    }

    /**
     * Given a lead routed on a Friday at 18:30, after the team has gone home, then the rep is reminded on Monday at
     * 17:00 (one working day) and the SLA is breached on Tuesday at 17:00 (two), not over the weekend; the breach
     * is recorded, shows in Cockpit as an incident and takes the lead away from the rep who let it lapse.
     */
    @Test
    void routedOnFridayEveningTheClockRunsFromMonday() {
        at("2026-12-04T18:30");
        long id = handRaise("friday");
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        String rep = accept.getAssignee();
        assertThat(timerDue(id, TIMER_ACCEPT_REMINDER)).isEqualTo("Mon 7 Dec 17:00");
        assertThat(due(accept)).isEqualTo("Tue 8 Dec 17:00");

        at("2026-12-07T16:59");
        runDueJobs(id);
        assertThat(reminders(id)).as("a minute before the reminder").isZero();
        at("2026-12-07T17:00");
        runDueJobs(id);
        assertThat(reminders(id)).isEqualTo(1);

        at("2026-12-08T16:59");
        runDueJobs(id);
        assertThat(breaches(id)).isZero();
        at("2026-12-08T17:00");
        runDueJobs(id);
        assertThat(breaches(id)).isEqualTo(1);
        assertThat(runtimeService.createIncidentQuery().incidentType(INCIDENT_SLA_BREACH)
                .processInstanceId(journeyOf(id).getId()).count()).as("the breach in Cockpit").isEqualTo(1);
        Task next = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult();
        assertThat(next.getTaskDefinitionKey().equals(TASK_REASSIGN_LEAD) || !rep.equals(next.getAssignee()))
                .as("the lead left %s: %s for %s", rep, next.getTaskDefinitionKey(), next.getAssignee()).isTrue();

        List<String> timeline = timeline(id);
        assertThat(timeline).anyMatch(line -> line.startsWith("Fri 4 Dec 18:30") && line.contains("LEAD -> MQL"))
                .anyMatch(line -> line.startsWith("Mon 7 Dec 17:00") && line.contains("Reminder"))
                .anyMatch(line -> line.startsWith("Tue 8 Dec 17:00") && line.contains("SLA breach ACCEPT_LEAD"));
    }

    /** Given a lead routed on the eve of Christmas, then the holidays and the weekend do not count. */
    @Test
    void onTheEveOfAHolidayTheDaysOffDoNotCount() {
        at("2026-12-23T16:00");
        long id = handRaise("holiday");
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        assertThat(timerDue(id, TIMER_ACCEPT_REMINDER)).isEqualTo("Mon 28 Dec 16:00");
        assertThat(due(accept)).isEqualTo("Tue 29 Dec 16:00");

        at("2026-12-28T10:00");
        completeAs(accept.getAssignee(), accept, accept());
        assertThat(reminders(id)).isZero();
        assertThat(due(taskOf(id, TASK_FIRST_CONTACT))).isEqualTo("Wed 30 Dec 10:00");
        assertThat(timeline(id)).anyMatch(line -> line.startsWith("Mon 28 Dec 10:00") && line.contains("MQL -> SAL"));
    }

    /**
     * Given an enterprise lead (1,200 employees) and a 30-person company, both accepted on Tuesday 1 December at
     * 11:00, then each gets the contract {@code contact-cadence.dmn} gives it: the enterprise 5 calls and 5 e-mails
     * over 20 working days, to Thursday 31 December (the 24th and 25th do not count); the small company 3 and 3
     * over 10, to Tuesday 15 December.
     */
    @Test
    void anEnterpriseLeadGetsTheLongerCadenceOfTheContactCadenceTable() {
        at("2026-12-01T10:00");
        long enterprise = handRaise("enterprise", 1200);
        long small = handRaise("small", 30);
        at("2026-12-01T11:00");
        for (long id : new long[]{enterprise, small}) {
            Task accept = taskOf(id, TASK_ACCEPT_LEAD);
            completeAs(accept.getAssignee(), accept, accept());
        }
        assertThat((String) taskService.getVariable(taskOf(enterprise, TASK_FIRST_CONTACT).getId(), VAR_ATTEMPTS_LEFT))
                .startsWith("5 call(s) and 5 e-mail(s) left");
        assertThat(timerDue(enterprise, TIMER_CADENCE_EXPIRED)).isEqualTo("Thu 31 Dec 11:00");
        assertThat((String) taskService.getVariable(taskOf(small, TASK_FIRST_CONTACT).getId(), VAR_ATTEMPTS_LEFT))
                .startsWith("3 call(s) and 3 e-mail(s) left");
        assertThat(timerDue(small, TIMER_CADENCE_EXPIRED)).isEqualTo("Tue 15 Dec 11:00");
    }

    private long handRaise(String who) {
        return handRaise(who, 30);
    }

    private long handRaise(String who, int employees) {
        long id = captureLead(Map.of("email", uniqueEmail(who), "firstName", who, "company", who + " GmbH",
                "employees", employees, "role", "CFO", "wantsContact", true));
        runDueJobs(id);
        return id;
    }

    private static String due(Task task) {
        return WHEN.format(task.getDueDate().toInstant());
    }

    private String timerDue(long id, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(journeyOf(id).getId())
                .activityId(activityId).timers().singleResult();
        assertThat(timer).as("timer %s of lead %s", activityId, id).isNotNull();
        return WHEN.format(timer.getDuedate().toInstant());
    }

    private int reminders(long id) {
        return jdbc.queryForObject("select count(*) from notification where lead_id = ? and subject like 'Reminder%'",
                Integer.class, id);
    }

    private int breaches(long id) {
        return jdbc.queryForObject("select count(*) from sla_breach where lead_id = ?", Integer.class, id);
    }
}
