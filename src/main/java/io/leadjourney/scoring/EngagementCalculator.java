package io.leadjourney.scoring;

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
 * Turns a lead's events into an engagement score: each event's points (from the {@code engagement-points} table)
 * weighted by its age, summed per score group and capped per group ({@code engagement-caps}), then capped
 * overall. Negative points (an unsubscribe) are never capped. Pure arithmetic: no tables, no database.
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

    private final ScoringProperties.Decay decay;
    private final Duration halfLife;
    private final Duration window;

    EngagementCalculator(ScoringProperties properties) {
        this.decay = properties.decay();
        this.halfLife = properties.halfLife();
        this.window = properties.window();
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

    /**
     * @param rulesByType the points rules of each event type (a type may match several rules)
     * @param capOf       the cap of a group, or null for none
     */
    Result calculate(Collection<Event> events, Map<String, List<Rule>> rulesByType,
                     Function<String, Integer> capOf, Instant now) {
        Map<String, EngagementLine> lines = new LinkedHashMap<>();
        for (Event event : events) {
            double weight = weight(event.occurredAt(), now);
            for (Rule rule : rulesByType.getOrDefault(event.type(), List.of())) {
                lines.merge(rule.group() + "|" + event.type() + "|" + rule.reason(),
                        new EngagementLine(rule.group(), event.type(), rule.reason(), 1, rule.points(),
                                rule.points() * weight),
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
