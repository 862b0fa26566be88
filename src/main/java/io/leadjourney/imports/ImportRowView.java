package io.leadjourney.imports;

/** One row of the file and its verdict: PENDING, ACCEPTED (with the lead), DUPLICATE or REJECTED (with why). */
public record ImportRowView(int row, String status, String email, String reason, Long leadId) {
}
