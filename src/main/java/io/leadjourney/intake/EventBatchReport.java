package io.leadjourney.intake;

import java.util.List;

/** What became of each event of a batch, in the order they were sent. */
public record EventBatchReport(int accepted, int duplicates, int rejected, int leadsRescored, List<Item> items) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    /**
     * @param leadId the lead the event counts for; null for an anonymous visitor's event or a rejected one
     * @param reason why it was rejected or is a duplicate
     */
    public record Item(int index, String eventId, Status status, Long leadId, String reason) {
    }
}
