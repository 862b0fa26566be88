package io.leadjourney.sla;

import io.leadjourney.IntegrationTest;
import io.leadjourney.TestMailServer;
import io.leadjourney.journey.LeadJourney;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Managers hear once, by e-mail, when sales accepts less than the floor of the MQLs it decides on. */
class AcceptanceRateIT extends IntegrationTest {

    @Autowired
    private AcceptanceRateWatch watch;
    @Autowired
    private JdbcTemplate jdbc;

    private void rejectOne(int i) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("email", uniqueEmail("rejected" + i));
        lead.put("firstName", "Rejected");
        lead.put("company", "Reject " + i + " Ltd");
        lead.put("employees", 20);
        lead.put("wantsContact", true);
        long id = captureLead(lead);
        runDueJobs(id);
        Task accept = taskOf(id, LeadJourney.TASK_ACCEPT_LEAD);
        completeAs(accept.getAssignee(), accept, Map.of(LeadJourney.VAR_ACCEPT_DECISION, LeadJourney.DECISION_REJECT,
                LeadJourney.VAR_REJECT_REASON, "NOT_A_FIT"));
    }

    @Test
    void managersAreToldOnceWhenTheRateFallsBelowTheFloor() {
        jdbc.update("delete from alert_state where name = ?", AcceptanceRateWatch.ALERT);
        long lastNotification = jdbc.queryForObject("select coalesce(max(id), 0) from notification", Long.class);
        AcceptanceRateWatch.Check before = watch.check();
        AcceptanceRateWatch.Check below = before;
        if (before.verdict() != AcceptanceRateWatch.Verdict.RAISED) {
            // Enough rejections to take the rate below 90 %, and enough decisions to judge it. (Other tests of the
            // suite may already have taken it below: then the first check, with no alert stored, is the crossing.)
            long needed = Math.max(10 - before.accepted() - before.rejected(),
                    before.accepted() / 9 + 1 - before.rejected());
            for (int i = 0; i < needed; i++) {
                rejectOne(i);
            }
            below = watch.check();
        }
        assertThat(below.rate()).isLessThan(0.90);
        assertThat(below.verdict()).isIn(AcceptanceRateWatch.Verdict.RAISED);
        assertThat(emailNotifications()).isEmpty();
        assertThat(TestMailServer.await(TestMailServer.to("manager@leadjourney.example",
                "is below the floor of 90.0 %"), 15_000)).isPresent();

        assertThat(watch.check().verdict()).as("told once").isEqualTo(AcceptanceRateWatch.Verdict.STILL_BELOW);
        assertThat(jdbc.queryForObject("select raised from alert_state where name = ?", Boolean.class,
                AcceptanceRateWatch.ALERT)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from notification where subject like 'Acceptance rate%'"
                + " and subject like '%below the floor%' and id > ?", Long.class, lastNotification)).isEqualTo(1L);
    }
}
