package io.leadjourney.routing;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The choice inside a group, by position: plain and weighted round robin. */
class RotationTest {

    private static Map<String, Integer> count(List<Rotation.Turns> reps, int positions) {
        Map<String, Integer> counts = new HashMap<>();
        for (long position = 0; position < positions; position++) {
            counts.merge(Rotation.pick(reps, position), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void equalTurnsAreAPlainRoundRobin() {
        List<Rotation.Turns> reps = List.of(new Rotation.Turns("a", 1), new Rotation.Turns("b", 1),
                new Rotation.Turns("c", 1));
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(p -> Rotation.pick(reps, p)).toList())
                .containsExactly("a", "b", "c", "a", "b");
        assertThat(count(reps, 1000)).containsEntry("a", 334).containsEntry("b", 333).containsEntry("c", 333);
    }

    @Test
    void weightsGiveTurnsInProportionSpreadOverTheRound() {
        List<Rotation.Turns> reps = List.of(new Rotation.Turns("winner", 2), new Rotation.Turns("average", 1));
        assertThat(List.of(0, 1, 2, 3, 4, 5).stream().map(p -> Rotation.pick(reps, p)).toList())
                .containsExactly("winner", "average", "winner", "winner", "average", "winner");
        List<Rotation.Turns> three = List.of(new Rotation.Turns("a", 15), new Rotation.Turns("b", 10),
                new Rotation.Turns("c", 5));
        assertThat(count(three, 3000)).containsEntry("a", 1500).containsEntry("b", 1000).containsEntry("c", 500);
    }
}
