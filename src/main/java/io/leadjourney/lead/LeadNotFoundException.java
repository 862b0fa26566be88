package io.leadjourney.lead;

import io.leadjourney.support.NotFoundException;

/** No lead has this id. Answered as 404. */
public class LeadNotFoundException extends NotFoundException {

    private final long leadId;

    public LeadNotFoundException(long leadId) {
        super("Lead not found", "No lead with id " + leadId);
        this.leadId = leadId;
    }

    public long getLeadId() {
        return leadId;
    }
}
