package io.leadjourney.routing;

import io.leadjourney.opportunity.DealOutcome;
import io.leadjourney.opportunity.OpportunityRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class WinRatesTest {

    /** Answers the two counting queries from {@link #closed} and records which ran. */
    private final List<String> queries = new ArrayList<>();
    private final List<Object[]> closed = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();

    private final OpportunityRepository opportunities = (OpportunityRepository) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{OpportunityRepository.class}, (proxy, method, args) -> {
                queries.add(method.getName());
                return switch (method.getName()) {
                    case "countOutcomesOfEveryRep" -> List.copyOf(closed);
                    case "countOutcomesByRep" -> closed.stream()
                            .filter(row -> ((Collection<?>) args[0]).contains(row[0])).toList();
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            });

    @Test
    void countsEveryRepOnceAndKeepsTheCountsForTheInterval() {
        WinRates rates = new WinRates(opportunities, Duration.ofMinutes(1), now::get);
        closed.add(new Object[]{"ann", DealOutcome.WON, 3L});
        closed.add(new Object[]{"ann", DealOutcome.LOST, 1L});
        closed.add(new Object[]{"bob", DealOutcome.LOST, 2L});

        Map<String, WinRates.Closed> first = rates.of(List.of("ann", "bob", "cy"));
        assertThat(first).containsEntry("ann", new WinRates.Closed(3, 4))
                .containsEntry("bob", new WinRates.Closed(0, 2))
                .containsEntry("cy", WinRates.Closed.NONE);

        closed.add(new Object[]{"cy", DealOutcome.WON, 1L});
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(rates.of(List.of("ann", "cy"))).containsEntry("cy", WinRates.Closed.NONE)
                .containsOnlyKeys("ann", "cy");
        assertThat(queries).containsExactly("countOutcomesOfEveryRep");

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(rates.of(List.of("cy"))).containsEntry("cy", new WinRates.Closed(1, 1));
        assertThat(queries).containsExactly("countOutcomesOfEveryRep", "countOutcomesOfEveryRep");
    }

    @Test
    void zeroIntervalCountsTheRepsAskedForEveryTime() {
        WinRates rates = new WinRates(opportunities, Duration.ZERO, now::get);
        closed.add(new Object[]{"ann", DealOutcome.WON, 2L});

        assertThat(rates.of(List.of("ann"))).containsEntry("ann", new WinRates.Closed(2, 2));
        closed.add(new Object[]{"ann", DealOutcome.LOST, 1L});
        assertThat(rates.of(List.of("ann"))).containsEntry("ann", new WinRates.Closed(2, 3));
        assertThat(queries).containsExactly("countOutcomesByRep", "countOutcomesByRep");
    }
}
