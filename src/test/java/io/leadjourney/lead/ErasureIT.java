package io.leadjourney.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import io.leadjourney.intake.BatchEvent;
import io.leadjourney.intake.EventBatchService;
import io.leadjourney.journey.NotificationEmail;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.leadjourney.journey.LeadJourney.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code DELETE /api/leads/{id}}: after it, no table (the application's and the engine's {@code ACT_*}) holds the
 * lead's e-mail address or name in any text column.
 */
class ErasureIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventBatchService batches;
    @Autowired
    private ProcessEngineConfigurationImpl engine;

    /** Every text column of every table: {@code [schema, table, column]}. */
    private List<String[]> textColumns() {
        List<String[]> columns = new ArrayList<>();
        jdbc.query("select table_schema, table_name, column_name, data_type from information_schema.columns"
                + " where lower(table_schema) not in ('information_schema', 'pg_catalog')", row -> {
            String type = row.getString(4).toLowerCase(Locale.ROOT);
            if (type.contains("char") || type.equals("text") || type.contains("clob")) {
                columns.add(new String[]{row.getString(1), row.getString(2), row.getString(3)});
            }
        });
        return columns;
    }

    /** Where {@code text} occurs: {@code table.column} per hit. */
    private List<String> whereIs(String text) {
        List<String> hits = new ArrayList<>();
        for (String[] column : textColumns()) {
            String sql = "select count(*) from \"" + column[0] + "\".\"" + column[1] + "\" where lower(cast(\""
                    + column[2] + "\" as varchar(100000))) like ?";
            Long count = jdbc.queryForObject(sql, Long.class, "%" + text.toLowerCase(Locale.ROOT) + "%");
            if (count != null && count > 0) {
                hits.add((column[1] + "." + column[2]).toLowerCase(Locale.ROOT));
            }
        }
        return hits;
    }

    @Test
    void afterErasureNoTableHoldsTheLeadsAddressOrName() {
        String marker = "qzx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = marker + "@forget-me.example";
        String lastName = "Lastname" + marker;
        // The eventId is the sender's, kept for idempotency: it should not carry personal data.
        batches.ingest(List.of(new BatchEvent("pre-" + UUID.randomUUID(), null, email, "BLOG_POST_READ",
                Instant.now().toString(), "/blog?who=" + marker, null, null)));
        // The journey's variable updates are not kept in act_hi_detail (VariableHistoryPlugin), but an installation
        // that ran before kept them: this lead's are written as the engine's own handler did, so erasure must find them.
        HistoryEventHandler lastValueOnly = engine.getHistoryEventHandler();
        engine.setHistoryEventHandler(new DbHistoryEventHandler());
        try {
            livedBeforeTheUpgrade(marker, email, lastName);
        } finally {
            engine.setHistoryEventHandler(lastValueOnly);
        }
    }

    private void livedBeforeTheUpgrade(String marker, String email, String lastName) {
        long id = captureLead(Map.of("email", email, "firstName", "Forget", "lastName", lastName,
                "company", marker + " GmbH", "wantsContact", true, "role", "CTO", "website", marker + ".example",
                "jobTitle", "Head of " + marker, "problem", marker + " reports take a week"));  // size unknown: all reps share it
        post(INTEGRATION, "/api/leads/" + id + "/events", Map.of("type", "PRICING_PAGE_VISITED",
                "occurredAt", Instant.now().toString()));
        runDueJobs(id);
        fireTimer(id, TIMER_ACCEPT_REMINDER);
        fireTimer(id, TIMER_ACCEPT_ESCALATION);  // a breach: an incident and a notification that name the lead
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        completeAs(accept.getAssignee(), accept, accept());
        Task contact = taskOf(id, TASK_FIRST_CONTACT);
        completeAs(contact.getAssignee(), contact, Map.of(VAR_CONTACT_CHANNEL, "CALL", VAR_LEAD_REACHED, false,
                VAR_CONTACT_NOTE, "Left a voicemail for " + lastName));

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationEmail.PROCESS_ID)
                .variableValueEquals(VAR_LEAD_ID, id).count()).as("e-mails about the lead waiting to be sent")
                .isGreaterThanOrEqualTo(2);
        List<String> before = whereIs(marker);
        assertThat(before).as("the search finds the lead before: %s", before)
                .contains("lead.email", "notification.body", "contact_attempt.note")
                .anyMatch(hit -> hit.startsWith("act_ru_variable"))
                .anyMatch(hit -> hit.startsWith("act_hi_varinst"))
                .anyMatch(hit -> hit.startsWith("act_hi_detail"));

        assertThat(http.withBasicAuth("rep-a", "rep-a").exchange("/api/leads/" + id, HttpMethod.DELETE, null,
                String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth(INTEGRATION, INTEGRATION).exchange("/api/leads/" + id, HttpMethod.DELETE,
                null, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("marketing", "marketing").exchange("/api/leads/" + id, HttpMethod.DELETE,
                null, String.class).getStatusCode().value()).isEqualTo(204);

        assertThat(whereIs(marker)).as("no trace of the address, the name or the company").isEmpty();
        assertThat(whereIs(lastName)).isEmpty();
        JsonNode erased = lead(id);
        assertThat(erased.get("email").asText()).isEqualTo("erased-" + id + "@erased.invalid");
        assertThat(erased.get("stage").asText()).as("the funnel keeps counting it").isEqualTo("SAL");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
                .count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationEmail.PROCESS_ID)
                .variableValueEquals(VAR_LEAD_ID, id).count()).as("e-mails about an erased lead are not sent")
                .isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().variableValueEquals(VAR_LEAD_ID, id)
                .count()).as("nor remembered").isZero();

        assertThat(http.withBasicAuth("admin", "admin").exchange("/api/leads/" + id, HttpMethod.DELETE, null,
                String.class).getStatusCode().value()).as("erasing twice is harmless").isEqualTo(204);
        assertThat(http.withBasicAuth("admin", "admin").exchange("/api/leads/987654321", HttpMethod.DELETE, null,
                String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aJourneyKeepsEachVariablesLastValueAndNoRowPerUpdate() {
        long id = captureLead(Map.of("email", uniqueEmail("last-value"), "firstName", "Last", "lastName", "Value",
                "company", "Last Value GmbH", "employees", 200, "wantsContact", true, "role", "CTO"));
        post(INTEGRATION, "/api/leads/" + id + "/events", Map.of("type", "PRICING_PAGE_VISITED",
                "occurredAt", Instant.now().toString()));
        runDueJobs(id);
        Task accept = taskOf(id, TASK_ACCEPT_LEAD);
        completeAs(accept.getAssignee(), accept, accept());
        String journey = journeyOf(id).getId();

        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ?", Long.class,
                journey)).as("variables in the journey's history").isGreaterThan(20);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(journey)
                .variableName(VAR_ACCEPT_DECISION).singleResult().getValue()).isEqualTo(DECISION_ACCEPT);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where proc_inst_id_ = ?", Long.class,
                journey)).as("rows per variable update").isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(journey)
                .taskDefinitionKey(TASK_ACCEPT_LEAD).finished().count()).as("the task's history").isEqualTo(1);
    }
}
