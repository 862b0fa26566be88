package io.leadjourney.scoring;

/**
 * What one behaviour contributed to the engagement score.
 *
 * @param events     how many events of this type
 * @param rulePoints the table's points per event
 * @param points     what they still count for after decay, before caps
 */
public record EngagementLine(String group, String eventType, String reason, int events, int rulePoints,
                             double points) {

    EngagementLine plus(EngagementLine other) {
        return new EngagementLine(group, eventType, reason, events + other.events, rulePoints, points + other.points);
    }
}
