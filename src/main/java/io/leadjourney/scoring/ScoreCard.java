package io.leadjourney.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A lead's score and the receipt behind it: which rules and which behaviours contributed how many points, under
 * which version of each decision table.
 *
 * @param engagementCap the overall engagement cap, or null for none
 * @param versions      the version of each table used, e.g. {@code lead-fit -> 3}
 * @param asOf          the moment the score was computed (engagement decays with time)
 */
public record ScoreCard(int fitScore, int engagementScore, int totalScore, String grade, boolean qualified,
                        String qualificationReason, List<FitLine> fit, List<EngagementLine> engagement,
                        List<GroupLine> groups, Integer engagementCap, Map<String, Integer> versions,
                        Instant asOf) {

    /** {@code lead-fit:v1 engagement-points:v2 ...}: how the stage log and the lead name the tables used. */
    public String versionTags() {
        return versions.entrySet().stream().map(e -> e.getKey() + ":v" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** The receipt as the accept-lead form shows it: one line per contribution, then the verdict. */
    public String receipt() {
        StringBuilder text = new StringBuilder();
        fit.forEach(line -> text.append(signed(line.points())).append(' ').append(line.reason()).append('\n'));
        engagement.forEach(line -> text.append(signed(EngagementCalculator.round(line.points()))).append(' ')
                .append(line.reason()).append(line.events() > 1 ? " x" + line.events() : "").append('\n'));
        groups.stream().filter(group -> group.counted() != group.points()).forEach(group -> text
                .append("(").append(group.group()).append(" capped at ").append(group.cap()).append(")\n"));
        int uncapped = groups.stream().mapToInt(GroupLine::counted).sum();
        if (engagementCap != null && uncapped > engagementCap) {
            text.append("(engagement capped at ").append(engagementCap).append(")\n");
        }
        text.append(qualified ? "MQL: " : "Not an MQL: ").append(qualificationReason);
        return text.toString();
    }

    private static String signed(int points) {
        return points >= 0 ? "+" + points : String.valueOf(points);
    }
}
