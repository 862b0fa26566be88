package io.leadjourney.routing;

import io.leadjourney.opportunity.DealOutcome;
import io.leadjourney.opportunity.OpportunityRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The closed deals of each rep, for the round robin's weights ({@link RoutingService}).
 * <p>
 * Counting them for every lead routed costs as much as the rep's history: the count joins every lead the group's
 * reps were ever given to their opportunities (H2 scanned all 8,174 leads of the group for each lead routed in the
 * intake benchmark, with no deal closed at all). Weights only need to follow the win rate, not the last minute of
 * it, so with {@code leadjourney.routing.win-rate-refresh} above zero the counts of all reps are read in one query
 * at most once per interval and kept. Every node keeps its own, so a deal closed on one node weighs on every node
 * within the interval. {@code PT0S} counts for every lead, exactly.
 */
@Component
class WinRates {

    /** A rep's deals handed to sales that closed, and how many of them were won. */
    record Closed(long won, long closed) {

        static final Closed NONE = new Closed(0, 0);

        Closed plus(DealOutcome outcome, long count) {
            return new Closed(won + (outcome == DealOutcome.WON ? count : 0), closed + count);
        }
    }

    private record Snapshot(Map<String, Closed> byRep, long readAtNanos) {
    }

    private final OpportunityRepository opportunities;
    private final Duration refresh;
    private final LongSupplier nanoTime;
    private volatile Snapshot snapshot;

    @Autowired
    WinRates(OpportunityRepository opportunities, RoutingProperties properties) {
        this(opportunities, properties.winRateRefresh(), System::nanoTime);
    }

    WinRates(OpportunityRepository opportunities, Duration refresh, LongSupplier nanoTime) {
        this.opportunities = opportunities;
        this.refresh = refresh;
        this.nanoTime = nanoTime;
    }

    /** The closed deals of each of these reps; a rep without any is {@link Closed#NONE} or absent. */
    Map<String, Closed> of(Collection<String> repIds) {
        if (refresh.isZero()) {
            return tally(opportunities.countOutcomesByRep(repIds));
        }
        Map<String, Closed> all = current().byRep();
        Map<String, Closed> wanted = new HashMap<>();
        for (String id : repIds) {
            wanted.put(id, all.getOrDefault(id, Closed.NONE));
        }
        return wanted;
    }

    private Snapshot current() {
        Snapshot seen = snapshot;
        if (seen != null && !expired(seen)) {
            return seen;
        }
        synchronized (this) {
            if (snapshot == null || expired(snapshot)) {
                snapshot = new Snapshot(tally(opportunities.countOutcomesOfEveryRep()), nanoTime.getAsLong());
            }
            return snapshot;
        }
    }

    private boolean expired(Snapshot seen) {
        return nanoTime.getAsLong() - seen.readAtNanos() >= refresh.toNanos();
    }

    /** Rows of {@code [repId, DealOutcome, Long]} as closed deals per rep. */
    private static Map<String, Closed> tally(List<Object[]> rows) {
        Map<String, Closed> byRep = new HashMap<>();
        for (Object[] row : rows) {
            byRep.compute((String) row[0], (rep, sum) -> (sum == null ? Closed.NONE : sum)
                    .plus((DealOutcome) row[1], (Long) row[2]));
        }
        return byRep;
    }
}
