package io.leadjourney.scoring;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.leadjourney.support.OneDecimal;

/**
 * What one behaviour contributed to the engagement score.
 *
 * @param events     how many events of this type
 * @param rulePoints the table's points per event
 * @param points     what they still count for after decay, before caps (shown to one decimal)
 */
public record EngagementLine(String group, String eventType, String reason, int events, int rulePoints,
                             @JsonSerialize(using = OneDecimal.class) double points) {

    EngagementLine plus(EngagementLine other) {
        return new EngagementLine(group, eventType, reason, events + other.events, rulePoints, points + other.points);
    }
}
