package io.leadjourney.scoring;

/**
 * A lead's activity of one type, as engagement is scored from it: how many events, and what they still weigh
 * at one moment (each event weighs 1 when new and less as it ages; see {@link EngagementCalculator#weight}).
 * Points are applied only when scoring, so a new version of the points table counts for old activity at once.
 *
 * @param events how many events of this type
 * @param weight the sum of their weights
 */
public record Tally(String eventType, int events, double weight) {

    Tally plus(int moreEvents, double moreWeight) {
        return new Tally(eventType, events + moreEvents, weight + moreWeight);
    }

    Tally decayedBy(double factor) {
        return new Tally(eventType, events, weight * factor);
    }
}
