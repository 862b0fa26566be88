package io.leadjourney.scoring;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.engagement.EngagementEventRepository;
import io.leadjourney.lead.Lead;
import io.leadjourney.support.Chunks;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each lead's engagement tally (per event type: count and summed decay weight, on the lead row) so that
 * scoring after an event reads nothing but the lead instead of every event it ever had. With a half-life (or no
 * decay) the tally is carried forward to now by one multiplication and the new events are added; a sliding window
 * cannot be carried forward, so it is counted with one aggregate query instead. A tally built under other decay
 * settings, or never built, is rebuilt from the events. Callers hold the leads' row locks.
 */
@Component
class EngagementTallies {

    private static final String ENTRIES = ";";
    private static final String FIELDS = " ";

    private final EngagementEventRepository events;
    private final DecisionEvaluator decisions;

    EngagementTallies(EngagementEventRepository events, DecisionEvaluator decisions) {
        this.events = events;
        this.decisions = decisions;
    }

    /**
     * Arithmetic with the decay the deployed {@code engagement-decay.dmn} says; a tally stored under another one
     * has another basis and is rebuilt from the events.
     */
    EngagementCalculator calculator() {
        return new EngagementCalculator(EngagementDecay.of(decisions));
    }

    /** The tallies of some leads weighted at one moment, with new events added. */
    final class Snapshot {
        private final Instant now;
        private final EngagementCalculator calculator;
        private final Map<Long, Map<String, Tally>> byLead = new HashMap<>();

        private Snapshot(Instant now, EngagementCalculator calculator) {
            this.now = now;
            this.calculator = calculator;
        }

        Instant now() {
            return now;
        }

        List<Tally> of(long leadId) {
            return List.copyOf(byLead.getOrDefault(leadId, Map.of()).values());
        }

        /** Adds one new event of the lead, weighted as of {@link #now()}. */
        void add(long leadId, String eventType, Instant occurredAt) {
            byLead.computeIfAbsent(leadId, id -> new LinkedHashMap<>())
                    .merge(eventType, new Tally(eventType, 1, calculator.weight(occurredAt, now)),
                            (a, b) -> a.plus(b.events(), b.weight()));
        }

        /** Adds a tally to the lead's (two rows of one behaviour, spelled differently by their senders, are one). */
        private void put(long leadId, Tally tally) {
            byLead.computeIfAbsent(leadId, id -> new LinkedHashMap<>()).merge(tally.eventType(), tally,
                    (a, b) -> a.plus(b.events(), b.weight()));
        }

        /** Gives each lead its tally as of now, for {@link LeadScoreStore} to store with the score. */
        void applyTo(Collection<Lead> leads) {
            if (!calculator.carriesForward()) {
                return;
            }
            for (Lead lead : leads) {
                String tally = format(of(lead.getId()));
                if (tally.length() > MAX_TALLY) {
                    // No room for it: stored as stale, so the next read rebuilds it from the events.
                    lead.tallied(null, null, null);
                } else {
                    lead.tallied(tally, now, calculator.basis());
                }
            }
        }
    }

    /** Reads the leads' tallies weighted at {@code now}, rebuilding from the events those without a current one. */
    Snapshot read(Collection<Lead> leads, Instant now) {
        EngagementCalculator calculator = calculator();
        Snapshot snapshot = new Snapshot(now, calculator);
        if (!calculator.carriesForward()) {
            for (List<Long> chunk : Chunks.of(leads.stream().map(Lead::getId).toList())) {
                for (Object[] row : events.countsSince(chunk, calculator.windowStart(now))) {
                    int count = ((Number) row[2]).intValue();
                    snapshot.put((Long) row[0], new Tally(EngagementEventRepository.behaviourOf(row).key(), count,
                            count));
                }
            }
            return snapshot;
        }
        String basis = calculator.basis();
        List<Long> stale = new ArrayList<>();
        for (Lead lead : leads) {
            if (basis.equals(lead.getTallyBasis()) && lead.getTallyAsOf() != null) {
                double carry = calculator.carry(lead.getTallyAsOf(), now);
                parse(lead.getEngagementTally()).forEach(tally -> snapshot.put(lead.getId(), tally.decayedBy(carry)));
            } else {
                stale.add(lead.getId());
            }
        }
        for (List<Long> chunk : Chunks.of(stale)) {
            Map<Long, List<EngagementCalculator.Event>> eventsByLead = new HashMap<>();
            for (Object[] row : events.typesAndTimesOf(chunk)) {
                eventsByLead.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                        .add(new EngagementCalculator.Event(EngagementEventRepository.behaviourOf(row).key(),
                                (Instant) row[2]));
            }
            eventsByLead.forEach((leadId, leadEvents) -> calculator.tally(leadEvents, now)
                    .forEach(tally -> snapshot.put(leadId, tally)));
        }
        return snapshot;
    }

    /** The width of {@code lead.engagement_tally}. */
    static final int MAX_TALLY = 20_000;

    /** {@code TYPE count weight;TYPE count weight}: at most one entry per event type. */
    static String format(List<Tally> tallies) {
        StringBuilder text = new StringBuilder();
        for (Tally tally : tallies) {
            if (!text.isEmpty()) {
                text.append(ENTRIES);
            }
            text.append(tally.eventType()).append(FIELDS).append(tally.events()).append(FIELDS).append(tally.weight());
        }
        return text.toString();
    }

    static List<Tally> parse(String text) {
        List<Tally> tallies = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tallies;
        }
        for (String entry : text.split(ENTRIES)) {
            String[] fields = entry.split(FIELDS);
            tallies.add(new Tally(fields[0], Integer.parseInt(fields[1]), Double.parseDouble(fields[2])));
        }
        return tallies;
    }
}
