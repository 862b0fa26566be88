package io.leadjourney.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.ModuleTest;
import io.leadjourney.ModuleTestDirectories;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.NewLead;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing as a module: the routing table, the persisted round robin, absences, on the database, without the
 * process engine. Camunda's users are {@code security}'s; here {@link ModuleTestDirectories}.
 */
@ModuleTest
@Import(ModuleTestDirectories.class)
class RoutingModuleTest {

    private static final String APAC = "reps-apac";

    @Autowired
    private RoutingService routing;
    @Autowired
    private RepService reps;
    @Autowired
    private RepRepository repRecords;
    @Autowired
    private LeadRepository leads;
    @Autowired
    private TransactionTemplate transactions;

    /** An MQL of a company in Australia: the table's APAC territory, reps-apac. */
    private long apacLead() throws Exception {
        NewLead form = new ObjectMapper().readValue("{\"email\": \"" + UUID.randomUUID() + "@module.example\","
                + " \"firstName\": \"Mo\", \"company\": \"Outback Pty\", \"employees\": 30,"
                + " \"country\": \"Australia\"}", NewLead.class);
        Lead lead = new Lead(form.email(), Instant.now());
        lead.updateProfile(form.cleaned(), Instant.now());
        return leads.save(lead).getId();
    }

    /**
     * The database may be shared with the integration tests (PostgreSQL): the APAC reps that were active are out
     * of routing only during the test, and the test's own reps leave it inactive.
     */
    @Test
    void theTablesBandThenTheRoundRobinSkippingARepWhoIsAway() throws Exception {
        List<Rep> others = repRecords.findActiveInGroup(APAC);
        others.forEach(rep -> active(rep, false));
        String run = UUID.randomUUID().toString().substring(0, 6);
        String ann = "ann-" + run;
        String ben = "ben-" + run;
        routing.registerRep(ann, "Ann", ann + "@module.example", Set.of(APAC));
        routing.registerRep(ben, "Ben", ben + "@module.example", Set.of(APAC));
        try {
            Set<String> firstRound = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                long lead = apacLead();
                firstRound.add(transactions.execute(status -> routing.assign(lead, null)).repId());
            }
            assertThat(firstRound).as("one lead each").containsExactlyInAnyOrder(ann, ben);

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            reps.addAbsence(ben, new NewAbsence(today, today.plusDays(3), "Trade fair"), "manager");
            long lead = apacLead();
            Assignment assignment = transactions.execute(status -> routing.assign(lead, null));

            assertThat(assignment.repId()).isEqualTo(ann);
            assertThat(assignment.reason()).startsWith("APAC territory (lead-routing:v1) -> group " + APAC)
                    .contains("skipped " + ben + " (away until " + today.plusDays(3) + ")");
        } finally {
            repRecords.findAllById(List.of(ann, ben)).forEach(rep -> active(rep, false));
            others.forEach(rep -> active(repRecords.findById(rep.getUserId()).orElseThrow(), true));
        }
    }

    private void active(Rep rep, boolean active) {
        rep.setActive(active);
        repRecords.save(rep);
    }
}
