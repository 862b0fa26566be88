package io.leadjourney.lead;

/** No lead has this id. Answered as 404. */
public class LeadNotFoundException extends RuntimeException {

    private final long leadId;

    public LeadNotFoundException(long leadId) {
        super("No lead with id " + leadId);
        this.leadId = leadId;
    }

    public long getLeadId() {
        return leadId;
    }
}
