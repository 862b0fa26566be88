package io.leadjourney.scoring;

/**
 * A score group's engagement before and after its cap, so no single behaviour type dominates.
 *
 * @param cap     the group's cap from {@code engagement-caps}, or null for none
 * @param counted what the group counts for in the engagement score
 */
public record GroupLine(String group, int points, Integer cap, int counted) {
}
