package io.leadjourney.scoring;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Decay and caps, by hand-checked arithmetic. */
class EngagementCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Map<String, List<EngagementCalculator.Rule>> RULES = Map.of(
            "PRICING_PAGE_VISITED", List.of(new EngagementCalculator.Rule("web", "Visited the pricing page", 15)),
            "EMAIL_OPENED", List.of(new EngagementCalculator.Rule("email", "Opened an e-mail", 2)),
            "TRIAL_STARTED", List.of(new EngagementCalculator.Rule("trial", "Signed up for a free trial", 25)),
            "UNSUBSCRIBED", List.of(new EngagementCalculator.Rule("negative", "Unsubscribed", -5)));
    private static final Map<String, Integer> CAPS = Map.of("email", 20, "web", 40, "trial", 25, "TOTAL", 60);

    private static EngagementCalculator calculator(EngagementDecay.Decay decay) {
        return new EngagementCalculator(new EngagementDecay(decay, Duration.ofDays(30), Duration.ofDays(90)));
    }

    private static EngagementCalculator.Event event(String type, int daysAgo) {
        return new EngagementCalculator.Event(type, NOW.minus(Duration.ofDays(daysAgo)));
    }

    private static EngagementCalculator.Result calculate(EngagementDecay.Decay decay,
                                                         List<EngagementCalculator.Event> events) {
        EngagementCalculator calculator = calculator(decay);
        return calculator.calculate(calculator.tally(events, NOW), RULES, CAPS::get);
    }

    @Test
    void halfLifeHalvesPointsEveryHalfLife() {
        assertThat(calculate(EngagementDecay.Decay.HALF_LIFE, List.of(event("PRICING_PAGE_VISITED", 0))).total())
                .isEqualTo(15);
        assertThat(calculate(EngagementDecay.Decay.HALF_LIFE, List.of(event("PRICING_PAGE_VISITED", 30))).total())
                .isEqualTo(8);  // 7.5 rounds up
        assertThat(calculate(EngagementDecay.Decay.HALF_LIFE, List.of(event("PRICING_PAGE_VISITED", 60))).total())
                .isEqualTo(4);  // 3.75
    }

    @Test
    void windowCountsOnlyRecentActivityInFull() {
        assertThat(calculate(EngagementDecay.Decay.WINDOW, List.of(event("PRICING_PAGE_VISITED", 89),
                event("PRICING_PAGE_VISITED", 91))).total()).isEqualTo(15);
    }

    @Test
    void withoutDecayActivityNeverGoesStale() {
        assertThat(calculate(EngagementDecay.Decay.NONE, List.of(event("PRICING_PAGE_VISITED", 400))).total())
                .isEqualTo(15);
    }

    @Test
    void aGroupIsCappedSoOneBehaviourCannotDominate() {
        EngagementCalculator.Result result = calculate(EngagementDecay.Decay.NONE,
                Collections.nCopies(30, event("EMAIL_OPENED", 1)));
        assertThat(result.total()).isEqualTo(20);
        assertThat(result.groups()).containsExactly(new GroupLine("email", 60, 20, 20));
        assertThat(result.lines()).singleElement().satisfies(line -> assertThat(line.events()).isEqualTo(30));
    }

    @Test
    void engagementAsAWholeIsCappedButNegativeSignalsAreNot() {
        List<EngagementCalculator.Event> events = new java.util.ArrayList<>();
        events.addAll(Collections.nCopies(3, event("PRICING_PAGE_VISITED", 0)));  // web 45 -> 40
        events.addAll(Collections.nCopies(2, event("TRIAL_STARTED", 0)));         // trial 50 -> 25
        assertThat(calculate(EngagementDecay.Decay.NONE, events).total()).isEqualTo(60);  // 65 -> TOTAL cap 60

        events.add(event("UNSUBSCRIBED", 0));
        assertThat(calculate(EngagementDecay.Decay.NONE, events).total()).isEqualTo(60);  // 60 of 60 after -5
        events.addAll(Collections.nCopies(3, event("UNSUBSCRIBED", 0)));
        assertThat(calculate(EngagementDecay.Decay.NONE, events).total()).isEqualTo(45);  // 65 - 20
    }

    @Test
    void eventsFromTheFutureCountInFull() {
        assertThat(calculator(EngagementDecay.Decay.HALF_LIFE).weight(NOW.plusSeconds(60), NOW)).isEqualTo(1.0);
    }

    @Test
    void aHalfLifeTallyCarriedForwardEqualsOneWeightedAfresh() {
        EngagementCalculator calculator = calculator(EngagementDecay.Decay.HALF_LIFE);
        List<EngagementCalculator.Event> events = List.of(event("EMAIL_OPENED", 40), event("EMAIL_OPENED", 3));
        Instant stored = NOW.minus(Duration.ofDays(2));
        Tally carried = calculator.tally(events, stored).get(0).decayedBy(calculator.carry(stored, NOW));
        Tally afresh = calculator.tally(events, NOW).get(0);
        assertThat(carried.events()).isEqualTo(2);
        assertThat(carried.weight()).isCloseTo(afresh.weight(), org.assertj.core.data.Offset.offset(1e-12));
        // 2^(-40/30) + 2^(-3/30), by hand: 0.3969 + 0.9330
        assertThat(afresh.weight()).isCloseTo(1.3299, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void withoutDecayATallyCarriesForwardUnchangedAndAWindowCannotBeCarried() {
        assertThat(calculator(EngagementDecay.Decay.NONE).carry(NOW.minus(Duration.ofDays(400)), NOW))
                .isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() ->
                calculator(EngagementDecay.Decay.WINDOW).carry(NOW.minus(Duration.ofDays(1)), NOW));
    }

    @Test
    void theBasisNamesTheDecaySettingsSoAChangeRebuildsStoredTallies() {
        assertThat(calculator(EngagementDecay.Decay.HALF_LIFE).basis()).isEqualTo("HALF_LIFE PT720H");
        assertThat(calculator(EngagementDecay.Decay.NONE).basis()).isEqualTo("NONE");
    }
}
