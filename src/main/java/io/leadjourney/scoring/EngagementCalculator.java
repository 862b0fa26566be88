package io.leadjourney.scoring;

import io.leadjourney.engagement.Behaviour;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a lead's activity into an engagement score: each event's points (from the {@code engagement-points} table)
 * weighted by its age, summed per score group and capped per group ({@code engagement-caps}), then capped
 * overall. Negative points (an unsubscribe) are never capped. Pure arithmetic: no tables, no database.
 * <p>
 * Activity is scored from {@link Tally tallies} (per event type: count and summed weight), so a lead's score can be
 * kept up to date incrementally: a half-life weight decays by the same factor for every event, so a stored tally
 * is brought forward in time by one multiplication ({@link #carry}).
 */
final class EngagementCalculator {

    /** The cap of all engagement together, in the {@code engagement-caps} table. */
    static final String TOTAL = "TOTAL";

    /** One behaviour as the points table scores it. */
    record Rule(String group, String reason, int points) {
    }

    /** One event of the lead. */
    record Event(String type, Instant occurredAt) {
    }

    private final EngagementDecay.Decay decay;
    private final Duration halfLife;
    private final Duration window;

    EngagementCalculator(EngagementDecay rule) {
        this.decay = rule.decay();
        this.halfLife = rule.halfLife();
        this.window = rule.window();
    }

    /** How much of an event's points still count at {@code now}. */
    double weight(Instant occurredAt, Instant now) {
        Duration age = Duration.between(occurredAt, now);
        if (age.isNegative()) {
            return 1.0;
        }
        return switch (decay) {
            case NONE -> 1.0;
            case WINDOW -> age.compareTo(window) <= 0 ? 1.0 : 0.0;
            case HALF_LIFE -> Math.pow(0.5, (double) age.toSeconds() / halfLife.toSeconds());
        };
    }

    /** Whether a tally stored at one moment can be brought forward to a later one; not for a sliding window. */
    boolean carriesForward() {
        return decay != EngagementDecay.Decay.WINDOW;
    }

    /** The factor that brings a weight stored at {@code from} forward to {@code to} ({@link #carriesForward}). */
    double carry(Instant from, Instant to) {
        if (!carriesForward()) {
            throw new IllegalStateException("A " + decay + " weight cannot be carried forward");
        }
        if (decay == EngagementDecay.Decay.NONE || !to.isAfter(from)) {
            return 1.0;
        }
        return Math.pow(0.5, (double) Duration.between(from, to).toSeconds() / halfLife.toSeconds());
    }

    /** The start of the sliding window at {@code now}, for {@link EngagementDecay.Decay#WINDOW}. */
    Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /**
     * Identifies how stored weights were computed; stored tallies made under another basis (after the decay
     * settings change) are rebuilt from the events.
     */
    String basis() {
        return switch (decay) {
            case NONE -> "NONE";
            case WINDOW -> "WINDOW " + window;
            case HALF_LIFE -> "HALF_LIFE " + halfLife;
        };
    }

    /** The lead's events as tallies weighted at {@code now}, in the order their types first occur. */
    List<Tally> tally(Collection<Event> events, Instant now) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Event event : events) {
            double weight = weight(event.occurredAt(), now);
            tallies.merge(event.type(), new Tally(event.type(), 1, weight),
                    (a, b) -> a.plus(b.events(), b.weight()));
        }
        return new ArrayList<>(tallies.values());
    }

    /**
     * @param rulesByType the points rules of each behaviour ({@link Behaviour#key()}; one may match several rules)
     * @param capOf       the cap of a group, or null for none
     */
    Result calculate(Collection<Tally> tallies, Map<String, List<Rule>> rulesByType,
                     Function<String, Integer> capOf) {
        Map<String, EngagementLine> lines = new LinkedHashMap<>();
        for (Tally tally : tallies) {
            // A tally is of one behaviour, with its details; the receipt names the behaviour and the rule's reason.
            String type = Behaviour.parse(tally.eventType()).type();
            for (Rule rule : rulesByType.getOrDefault(tally.eventType(), List.of())) {
                lines.merge(rule.group() + "|" + type + "|" + rule.reason(),
                        new EngagementLine(rule.group(), type, rule.reason(), tally.events(),
                                rule.points(), rule.points() * tally.weight()),
                        EngagementLine::plus);
            }
        }
        Map<String, Double> perGroup = new TreeMap<>();
        lines.values().forEach(line -> perGroup.merge(line.group(), line.points(), Double::sum));
        List<GroupLine> groups = new ArrayList<>();
        double sum = 0;
        for (Map.Entry<String, Double> group : perGroup.entrySet()) {
            Integer cap = capOf.apply(group.getKey());
            double counted = cap != null && group.getValue() > cap ? cap : group.getValue();
            groups.add(new GroupLine(group.getKey(), round(group.getValue()), cap, round(counted)));
            sum += counted;
        }
        Integer totalCap = capOf.apply(TOTAL);
        double total = totalCap != null && sum > totalCap ? totalCap : sum;
        return new Result(round(total), totalCap, new ArrayList<>(lines.values()), groups);
    }

    static int round(double points) {
        return (int) Math.round(points);
    }

    /**
     * @param total    the engagement score
     * @param totalCap the overall cap, or null
     */
    record Result(int total, Integer totalCap, List<EngagementLine> lines, List<GroupLine> groups) {
    }
}
