package io.leadjourney.demo;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPlanTest {

    private static final Instant NOW = Instant.parse("2026-12-04T13:00:00Z");

    @Test
    void theSameSeedPlansTheSameQuarter() {
        assertThat(DemoPlan.of(7, 300, 91, NOW)).isEqualTo(DemoPlan.of(7, 300, 91, NOW));
        assertThat(DemoPlan.of(8, 300, 91, NOW)).isNotEqualTo(DemoPlan.of(7, 300, 91, NOW));
    }

    @Test
    void aQuarterOfLeadsSpreadOverSourcesSizesAndWeekdaysInOrderOfArrival() {
        DemoPlan plan = DemoPlan.of(20261204, 1000, 91, NOW);

        assertThat(plan.leads()).hasSize(1000);
        assertThat(plan.from()).isEqualTo(Instant.parse("2026-09-04T00:00:00Z"));
        assertThat(plan.leads()).allSatisfy(lead -> assertThat(lead.arrives()).isBetween(plan.from(), NOW));
        assertThat(plan.leads()).extracting(DemoPlan.PlannedLead::arrives).isSorted();
        assertThat(plan.leads().stream().map(lead -> lead.lead().email()).distinct()).hasSize(1000);
        assertThat(plan.leads()).allSatisfy(lead -> assertThat(lead.events())
                .allSatisfy(event -> assertThat(event.at()).isAfter(lead.arrives()).isBefore(NOW)));

        assertThat(share(plan, lead -> lead.lead().source())).hasSizeGreaterThanOrEqualTo(8);
        Map<Object, Long> sizes = share(plan, lead -> lead.lead().employees() == null ? "unknown"
                : lead.lead().employees() <= 10 ? "small" : lead.lead().employees() <= 50 ? "mid" : "large");
        assertThat(sizes).containsOnlyKeys("small", "mid", "large", "unknown")
                .allSatisfy((size, count) -> assertThat(count).as(size.toString()).isGreaterThan(50));
        long weekend = plan.leads().stream().map(lead -> lead.arrives().atOffset(ZoneOffset.UTC).getDayOfWeek())
                .filter(day -> day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY).count();
        assertThat(weekend).as("a few arrive at weekends").isBetween(10L, 150L);
        assertThat(plan.leads().stream().filter(lead -> lead.fate().rejectFor() != null).count())
                .as("reps reject about one in five").isBetween(150L, 300L);
        assertThat(share(plan, lead -> lead.fate().discovery())).containsOnlyKeys("READY", "NEEDS_NURTURE", "SUSPECT");
    }

    private static Map<Object, Long> share(DemoPlan plan, Function<DemoPlan.PlannedLead, Object> key) {
        return plan.leads().stream().map(key).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
