package io.leadjourney.routing;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.leadjourney.opportunity.DealOutcome;
import io.leadjourney.opportunity.OpportunityRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed deals of each rep, for the round robin's weights ({@link RoutingService}).
 * <p>
 * Counting them for every lead routed costs as much as the rep's history: the count joins every lead the group's
 * reps were ever given to their opportunities (H2 scanned all 8,174 leads of the group for each lead routed in the
 * intake benchmark, with no deal closed at all). Weights only need to follow the win rate, not the last minute of
 * it, so with {@code leadjourney.routing.win-rate-refresh} above zero the counts of all reps are read in one query
 * at most once per interval and kept. Every node keeps its own, so a deal closed on one node weighs on every node
 * within the interval (a Caffeine cache of one entry). {@code PT0S} counts the reps asked for, for every lead, exactly.
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

    private final OpportunityRepository opportunities;
    private final boolean everyTime;
    /** One entry: every rep's closed deals, read in one query, kept for the refresh interval. */
    private final LoadingCache<Boolean, Map<String, Closed>> everyRep;

    @Autowired
    WinRates(OpportunityRepository opportunities, RoutingProperties properties) {
        this(opportunities, properties.winRateRefresh(), Ticker.systemTicker());
    }

    WinRates(OpportunityRepository opportunities, Duration refresh, Ticker ticker) {
        this.opportunities = opportunities;
        this.everyTime = refresh.isZero();
        this.everyRep = Caffeine.newBuilder().expireAfterWrite(refresh).ticker(ticker)
                .build(all -> tally(opportunities.countOutcomesOfEveryRep()));
    }

    /** The closed deals of each of these reps; a rep without any is {@link Closed#NONE} or absent. */
    Map<String, Closed> of(Collection<String> repIds) {
        if (everyTime) {
            return tally(opportunities.countOutcomesByRep(repIds));
        }
        Map<String, Closed> all = everyRep.get(Boolean.TRUE);
        Map<String, Closed> wanted = new HashMap<>();
        for (String id : repIds) {
            wanted.put(id, all.getOrDefault(id, Closed.NONE));
        }
        return wanted;
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
