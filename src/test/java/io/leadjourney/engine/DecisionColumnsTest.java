package io.leadjourney.engine;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The behaviours the API accepts are the ones the points table names. */
class DecisionColumnsTest {

    @Test
    void theShippedPointsTableNamesTheSeedsBehaviours() throws IOException {
        try (InputStream shipped = DecisionColumnsTest.class.getResourceAsStream("/engagement-points.dmn")) {
            assertThat(DecisionColumns.namedValues(Dmn.readModelFromStream(shipped), "engagement-points",
                    "eventType")).containsExactly("FORM_SUBMITTED", "EMAIL_OPENED", "EMAIL_CLICKED",
                    "PRICING_PAGE_VISITED", "BLOG_POST_READ", "CONTENT_DOWNLOADED", "TRIAL_STARTED", "EMAIL_REPLIED",
                    "EMAIL_FORWARDED", "WEBINAR_REGISTERED", "WEBINAR_ATTENDED", "UNSUBSCRIBED");
        }
    }

    @Test
    void listsNameEachValueOnceAndExclusionsAndAnyNameNone() {
        DmnModelInstance model = table("\"A\",\"B\"", "-", "not(\"C\")", "\"B\"", "\"say \\\"hi\\\"\"");
        assertThat(DecisionColumns.namedValues(model, "t", "kind")).containsExactly("A", "B", "say \\\"hi\\\"");
    }

    @Test
    void aTableWithoutTheColumnIsAnError() {
        assertThatThrownBy(() -> DecisionColumns.namedValues(table("\"A\""), "t", "eventType"))
                .hasMessageContaining("no input 'eventType'");
        assertThatThrownBy(() -> DecisionColumns.namedValues(table("\"A\""), "other", "kind"))
                .hasMessageContaining("No decision table 'other'");
    }

    private static DmnModelInstance table(String... entries) {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < entries.length; i++) {
            rules.append("<rule id=\"r").append(i).append("\"><inputEntry id=\"i").append(i).append("\"><text>")
                    .append(entries[i].replace("&", "&amp;").replace("<", "&lt;")).append("</text></inputEntry>")
                    .append("<outputEntry id=\"o").append(i).append("\"><text>1</text></outputEntry></rule>");
        }
        String xml = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\""
                + " namespace=\"test\"><decision id=\"t\" name=\"t\"><decisionTable id=\"dt\" hitPolicy=\"COLLECT\">"
                + "<input id=\"in\"><inputExpression id=\"ie\" typeRef=\"string\"><text>kind</text></inputExpression>"
                + "</input><output id=\"out\" name=\"points\" typeRef=\"integer\"/>" + rules
                + "</decisionTable></decision></definitions>";
        return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
