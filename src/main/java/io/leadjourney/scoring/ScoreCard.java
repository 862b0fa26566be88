package io.leadjourney.scoring;

import java.util.List;

/**
 * A lead's score and the receipt behind it.
 *
 * @param lines    one line per rule or behaviour that contributed, e.g. {@code "+30 Visited the pricing page x2"}
 * @param versions the decision versions used, e.g. {@code "lead-fit:v1 engagement-points:v1 mql-qualification:v1"}
 */
public record ScoreCard(int fitScore, int engagementScore, int totalScore, String grade, boolean qualified,
                        String qualificationReason, List<String> lines, String versions) {

    /** The receipt as the accept-lead form shows it: one line per contribution, then the verdict. */
    public String receipt() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        text.append(qualified ? "MQL: " : "Not an MQL: ").append(qualificationReason);
        return text.toString();
    }
}
