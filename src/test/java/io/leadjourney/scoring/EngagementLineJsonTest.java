package io.leadjourney.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A receipt's points after decay are shown to one decimal; the line keeps the exact figure. */
class EngagementLineJsonTest {

    @Test
    void pointsAfterDecayAreShownToOneDecimal() throws Exception {
        EngagementLine line = new EngagementLine("email", "EMAIL_OPENED", "E-mail opened", 3, 5, 7.352941176470588);
        JsonNode json = new ObjectMapper().valueToTree(line);
        assertThat(json.get("points").asText()).isEqualTo("7.4");
        assertThat(json.get("events").asInt()).isEqualTo(3);
        assertThat(line.points()).isEqualTo(7.352941176470588);
        assertThat(new ObjectMapper().valueToTree(new EngagementLine("web", "PRICING_PAGE_VISITED", "Pricing", 1, 15,
                15.0)).get("points").asDouble()).isEqualTo(15.0);
    }
}
