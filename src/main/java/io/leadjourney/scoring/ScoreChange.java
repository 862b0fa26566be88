package io.leadjourney.scoring;

import java.time.Instant;

/** A lead's score when scoring moved it: a point of the score over time. */
public record ScoreChange(Instant at, int fit, int engagement, int total, String grade) {
}
