package io.leadjourney.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadjourney.IntegrationTest;
import io.leadjourney.journey.LeadJourney;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk import of lead lists through POST /api/imports, on the real database: a 100,000-row file with broken rows
 * judged whole, worked off in chunks, a chunk lost to a crash and the import resumed without a lead twice; a
 * small list all the way to journeys; files that are refused whole.
 */
class LeadImportIT extends IntegrationTest {

    private static final int ROWS = 100_000;
    private static final int CHUNK = 200;

    @Autowired
    private ImportProcessor processor;
    @Autowired
    private ImportWorker worker;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aHundredThousandRowListIsJudgedWholeThenResumesAfterACrashWithoutDuplicates() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long existing = captureLead(Map.of("email", "imp-" + run + "-3@list.example", "firstName", "Known"));
        StringBuilder csv = new StringBuilder("\uFEFFE-mail Address;First Name;Last Name;Company Name;Employees;"
                + "Job Title;Country;Requested Contact;Fax\r\n");
        int broken = 0;
        int repeated = 0;
        for (int i = 1; i <= ROWS; i++) {
            String email = "imp-" + run + "-" + i + "@list.example";
            String employees = String.valueOf(5 + (i * 37) % 5000);
            String optIn = i % 10 == 0 ? "yes" : "no";
            if (i % 50 == 0) {
                broken++;
                switch ((i / 50) % 4) {
                    case 0 -> email = "not-an-email-" + i;
                    case 1 -> employees = "many";
                    case 2 -> optIn = "perhaps";
                    default -> email = "";
                }
            } else if (i % 97 == 0 && (i - 1) % 50 != 0) {
                repeated++;
                email = "imp-" + run + "-" + (i - 1) + "@list.example";
            }
            csv.append(email).append(';').append("Ada").append(';').append("Row ").append(i).append(';')
                    .append("\"Lists; \"\"Co\"\" ").append(i % 300).append('"').append(';').append(employees)
                    .append(';').append(i % 3 == 0 ? "CTO" : "Head of IT").append(';').append("Germany").append(';')
                    .append(optIn).append(';').append("+49 30 1234").append("\r\n");
        }

        long started = System.nanoTime();
        ResponseEntity<JsonNode> uploaded = upload("integration", "list-" + run + ".csv", csv.toString()
                .getBytes(StandardCharsets.UTF_8), "purchased list");
        double uploadSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long id = uploaded.getBody().path("id").asLong();
        assertThat(uploaded.getHeaders().getLocation()).hasPath("/api/imports/" + id);
        JsonNode progress = uploaded.getBody();
        assertThat(progress.path("totalRows").asInt()).isEqualTo(ROWS);
        assertThat(progress.path("rejected").asInt()).isEqualTo(broken);
        assertThat(progress.path("duplicates").asInt()).isEqualTo(repeated);
        assertThat(progress.path("rowsDone").asInt()).isEqualTo(broken + repeated);
        assertThat(progress.path("status").asText()).isEqualTo("RUNNING");
        assertThat(progress.path("ignoredColumns")).extracting(JsonNode::asText).containsExactly("Fax");
        System.out.printf("Import of %,d rows judged and stored in %.1f s%n", ROWS, uploadSeconds);

        JsonNode rejected = get(INTEGRATION, "/api/imports/" + id + "/rows?status=REJECTED&size=4").getBody();
        assertThat(rejected).extracting(row -> row.path("row").asInt() + " " + row.path("reason").asText())
                .containsExactly("51 employees: 'many' is not a whole number",
                        "101 wantsContact: 'perhaps' is not yes or no",
                        "151 email: must not be blank",
                        "201 email: must be a well-formed email address");
        JsonNode duplicate = get(INTEGRATION, "/api/imports/" + id + "/rows?status=DUPLICATE&size=1").getBody();
        assertThat(duplicate.get(0).path("row").asInt()).isEqualTo(98);
        assertThat(duplicate.get(0).path("reason").asText()).isEqualTo("same e-mail as row 97");

        // The worker: three chunks, then a chunk lost as a kill would lose it (its transaction never commits),
        // then two more after the "restart".
        for (int chunk = 0; chunk < 3; chunk++) {
            assertThat(processor.nextChunk(id, CHUNK)).isTrue();
        }
        int leadsBefore = importedLeads(run);
        transactions.executeWithoutResult(status -> {
            processor.nextChunk(id, CHUNK);
            status.setRollbackOnly();
        });
        assertThat(importedLeads(run)).as("a lost chunk leaves no lead").isEqualTo(leadsBefore);
        for (int chunk = 0; chunk < 2; chunk++) {
            assertThat(processor.nextChunk(id, CHUNK)).isTrue();
        }

        JsonNode now = get(INTEGRATION, "/api/imports/" + id).getBody();
        int accepted = now.path("accepted").asInt();
        assertThat(accepted).as("accepted rows = leads made").isEqualTo(importedLeads(run));
        assertThat(now.path("duplicates").asInt()).as("the lead captured before is a duplicate").isEqualTo(repeated + 1);
        assertThat(now.path("rowsDone").asInt()).as("judged at upload, then five chunks")
                .isEqualTo(broken + repeated + 5 * CHUNK);
        assertThat(now.path("rowsPerSecond").asDouble()).isPositive();
        assertThat(now.path("etaSeconds").asLong()).isPositive();
        assertThat(jdbc.queryForList("select email from lead where email like ? group by email having count(*) > 1",
                String.class, "imp-" + run + "-%")).as("no e-mail became two leads").isEmpty();
        List<Map<String, Object>> journeys = jdbc.queryForList("select e.business_key_ as lead, count(*) as n"
                + " from act_ru_execution e join act_re_procdef d on e.proc_def_id_ = d.id_"
                + " where d.key_ = ? and e.id_ = e.proc_inst_id_ and e.business_key_ in (select cast(lead_id as"
                + " varchar(20)) from lead_import_row where import_id = ? and status = 'ACCEPTED')"
                + " group by e.business_key_", LeadJourney.PROCESS_ID, id);
        assertThat(journeys).as("a journey for every accepted lead").hasSize(accepted);
        assertThat(journeys).as("and only one").allSatisfy(row -> assertThat(((Number) row.values().stream()
                .skip(1).findFirst().orElseThrow()).intValue()).isEqualTo(1));
        assertThat(jdbc.queryForObject("select lead_id from lead_import_row where import_id = ? and row_number = 4",
                Long.class, id)).as("row 4 (the third data row) is the lead that existed").isEqualTo(existing);
        System.out.printf("Import worker: %.1f rows/s, %d s to go for the rest%n",
                now.path("rowsPerSecond").asDouble(), now.path("etaSeconds").asLong());

        // scripts/import-crash-test.sh works a whole 100,000-row list off on PostgreSQL, through a real kill of the
        // JVM (.ci/run runs it); here the rest is cancelled, as a user would.
        assertThat(http.withBasicAuth("marketing", "marketing").exchange("/api/imports/" + id, HttpMethod.DELETE,
                null, Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode cancelled = get(INTEGRATION, "/api/imports/" + id).getBody();
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select count(*) from lead_import_row where import_id = ? and status = ?",
                Integer.class, id, "PENDING")).isZero();
        assertThat(http.withBasicAuth("marketing", "marketing").exchange("/api/imports/" + id, HttpMethod.DELETE,
                null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aSmallListBecomesLeadsWithJourneys() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long existing = captureLead(Map.of("email", "small-" + run + "-2@list.example", "firstName", "Known"));
        String visitor = "small-" + run + "-3@list.example";
        String when = java.time.Instant.now().toString();
        assertThat(post(INTEGRATION, "/api/events", Map.of("events", List.of(
                Map.of("eventId", UUID.randomUUID().toString(), "email", visitor, "type", "CONTENT_DOWNLOADED",
                        "occurredAt", when),
                Map.of("eventId", UUID.randomUUID().toString(), "email", visitor, "type", "PRICING_PAGE_VISITED",
                        "occurredAt", when)))).getBody().path("accepted").asInt())
                .as("two anonymous events of a visitor who is on the list").isEqualTo(2);
        String csv = "email,firstName,lastName,company,employees,role,source,wantsContact\n"
                + "small-" + run + "-1@list.example,Ada,Lovelace,\"Engines, Ltd\",120,CTO,,yes\n"
                + "SMALL-" + run + "-2@list.example,Known,Again,Known Co,50,CTO,,no\n"
                + "small-" + run + "-3@list.example,Grace,\"Hopper\nJr\",Compiler Corp,300,VP Engineering,trade show,\n"
                + ",No,Email,Nowhere,1,,,\n";
        ResponseEntity<JsonNode> uploaded = upload("marketing", "small.csv", csv.getBytes(StandardCharsets.UTF_8),
                null);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long id = uploaded.getBody().path("id").asLong();

        worker.workOff(id);

        JsonNode done = get("marketing", "/api/imports/" + id).getBody();
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(done.path("totalRows").asInt()).isEqualTo(4);
        assertThat(done.path("accepted").asInt()).isEqualTo(2);
        assertThat(done.path("duplicates").asInt()).isEqualTo(1);
        assertThat(done.path("rejected").asInt()).isEqualTo(1);
        assertThat(done.path("rowsDone").asInt()).isEqualTo(4);
        assertThat(done.path("etaSeconds").isNull()).isTrue();

        JsonNode rows = get("marketing", "/api/imports/" + id + "/rows").getBody();
        assertThat(rows).extracting(row -> row.path("row").asInt() + " " + row.path("status").asText())
                .containsExactly("2 ACCEPTED", "3 DUPLICATE", "4 ACCEPTED", "6 REJECTED");
        assertThat(rows.get(1).path("reason").asText()).isEqualTo("lead " + existing + " already has this e-mail");
        long ada = rows.get(0).path("leadId").asLong();
        JsonNode lead = lead(ada);
        assertThat(lead.path("company").asText()).isEqualTo("Engines, Ltd");
        assertThat(lead.path("source").asText()).isEqualTo("import");
        assertThat(lead(rows.get(2).path("leadId").asLong()).path("source").asText()).isEqualTo("trade show");
        assertThat(journeyOf(ada)).isNotNull();
        assertThat(stageOf(ada)).as("captured, scoring waits for its job").isEqualTo("LEAD");

        long grace = rows.get(2).path("leadId").asLong();
        assertThat(lead(grace).path("scoreVersions").isNull()).as("an import does not score; the journey does").isTrue();
        runDueJobs(grace);
        assertThat(lead(grace).path("engagementScore").asInt())
                .as("the visitor's download (10) and pricing visit (15) became the imported lead's").isEqualTo(25);
        assertThat(journeyOf(grace)).as("one journey for the lead").isNotNull();
    }

    /** The field lead-fields.dmn declares is a column of the list, by its label; a value it does not allow is the row's reason. */
    @Test
    void aDeclaredLeadFieldIsAColumnOfTheList() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = "email,company,CRM in use\n"
                + "crm-" + run + "-1@list.example,Cloud Co,hubspot\n"
                + "crm-" + run + "-2@list.example,Sheet Co,Excel\n";
        ResponseEntity<JsonNode> uploaded = upload("marketing", "crm.csv", csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(uploaded.getStatusCode()).as("answer %s", uploaded.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        long id = uploaded.getBody().path("id").asLong();
        worker.workOff(id);

        JsonNode rows = get("marketing", "/api/imports/" + id + "/rows").getBody();
        assertThat(rows).extracting(row -> row.path("row").asInt() + " " + row.path("status").asText())
                .containsExactly("2 ACCEPTED", "3 REJECTED");
        assertThat(rows.get(1).path("reason").asText()).startsWith("customFields.crmSystem: must be one of [");
        assertThat(lead(rows.get(0).path("leadId").asLong()).path("customFields").path("crmSystem").asText())
                .isEqualTo("HubSpot");
    }

    @Test
    void filesThatAreNotAListAreRefusedWholeNamingTheField() {
        int importsBefore = jdbc.queryForObject("select count(*) from lead_import", Integer.class);
        assertRefused(upload("integration", "x.csv", "name,company\nAda,Engines\n".getBytes(StandardCharsets.UTF_8),
                null), "file", "no e-mail column");
        assertRefused(upload("integration", "x.csv", "email,company\nada@x.example,M\u00fcller GmbH\n"
                .getBytes(StandardCharsets.ISO_8859_1), null), "file", "not UTF-8");
        assertRefused(upload("integration", "x.csv", "email,company\nada@x.example,\"Engines\n"
                .getBytes(StandardCharsets.UTF_8), null), "file", "line 2");
        assertRefused(upload("integration", "x.csv", "email,company\n".getBytes(StandardCharsets.UTF_8), null),
                "file", "no rows");
        assertRefused(upload("integration", "x.xlsx", "email\nada@x.example\n".getBytes(StandardCharsets.UTF_8),
                null), "file", ".csv");
        assertThat(upload("rep-a", "x.csv", "email\nada@x.example\n".getBytes(StandardCharsets.UTF_8), null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(INTEGRATION, "/api/imports/987654321").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from lead_import", Integer.class))
                .as("nothing stored").isEqualTo(importsBefore);
    }

    /** Paging and the default source are checked by their constraints, each named in the answer. */
    @Test
    void pagingOutOfRangeAndALongSourceAreNamed() {
        ResponseEntity<JsonNode> paging = get("marketing", "/api/imports/1/rows?page=-1&size=5000");
        assertThat(paging.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(paging.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("page",
                "size");
        assertRefused(upload("marketing", "list.csv", "email\na@b.example\n".getBytes(StandardCharsets.UTF_8),
                "x".repeat(101)), "source", "size must be between 0 and 100");
    }

    private void assertRefused(ResponseEntity<JsonNode> answer, String field, String detail) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(answer.getBody().path("detail").asText()).contains(detail);
    }

    private int importedLeads(String run) {
        return jdbc.queryForObject("select count(*) from lead where email like ? and id not in (select id from lead"
                + " where first_name = 'Known')", Integer.class, "imp-" + run + "-%");
    }

    private ResponseEntity<JsonNode> upload(String user, String name, byte[] content, String source) {
        return postFile(user, "/api/imports", name, content, source == null ? Map.of() : Map.of("source", source));
    }
}
