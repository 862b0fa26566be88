package io.leadjourney.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tally stored on the lead row reads back exactly as it was written. */
class EngagementTalliesTest {

    @Test
    void aTallyReadsBackExactly() {
        List<Tally> tallies = List.of(new Tally("EMAIL_OPENED", 12, 3.3298832545288573),
                new Tally("PRICING_PAGE_VISITED", 1, 0.1 + 0.2), new Tally("UNSUBSCRIBED", 2, 2.0));
        String text = EngagementTallies.format(tallies);
        assertThat(text).isEqualTo("EMAIL_OPENED 12 3.3298832545288573;PRICING_PAGE_VISITED 1 0.30000000000000004;"
                + "UNSUBSCRIBED 2 2.0");
        assertThat(EngagementTallies.parse(text)).isEqualTo(tallies);
    }

    @Test
    void noActivityIsAnEmptyTally() {
        assertThat(EngagementTallies.format(List.of())).isEmpty();
        assertThat(EngagementTallies.parse("")).isEmpty();
        assertThat(EngagementTallies.parse(null)).isEmpty();
    }

    @Test
    void twoHundredBehavioursOfTheLongestNameFitTheColumn() {
        List<Tally> all = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> new Tally(("B" + i + "_").repeat(40).substring(0, 40), Integer.MAX_VALUE,
                        -Double.MAX_VALUE / 3)).toList();
        assertThat(EngagementTallies.format(all)).hasSizeLessThanOrEqualTo(EngagementTallies.MAX_TALLY);
    }
}
