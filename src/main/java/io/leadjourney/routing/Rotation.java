package io.leadjourney.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks a rep from a rotation position: plain round robin when every weight is equal, otherwise each rep gets
 * as many turns per round as their weight, spread evenly over the round (a rep with twice the weight takes every
 * other turn, not two in a row). The same position picks the same rep on every node.
 */
final class Rotation {

    /** A rep and their turns per round (at least one). */
    record Turns(String repId, int turns) {
    }

    private record Slot(String repId, double at, int order) {
    }

    private Rotation() {
    }

    /** The rep whose turn {@code position} is, among reps in a stable order. */
    static String pick(List<Turns> reps, long position) {
        List<Slot> round = new ArrayList<>();
        for (int order = 0; order < reps.size(); order++) {
            Turns rep = reps.get(order);
            for (int turn = 0; turn < rep.turns(); turn++) {
                round.add(new Slot(rep.repId(), (turn + 0.5) / rep.turns(), order));
            }
        }
        round.sort(Comparator.comparingDouble(Slot::at).thenComparingInt(Slot::order));
        return round.get((int) Math.floorMod(position, round.size())).repId();
    }
}
