package io.leadjourney.scoring;

/** One rule of {@code lead-fit} that matched the lead. */
public record FitLine(String reason, int points) {
}
