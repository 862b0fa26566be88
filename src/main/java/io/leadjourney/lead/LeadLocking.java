package io.leadjourney.lead;

/** Serialises work on one lead (score updates, stage changes) across threads and cluster nodes. */
public interface LeadLocking {

    /**
     * Locks the lead's row until the transaction ends and returns the lead.
     *
     * @throws LeadNotFoundException if there is no such lead
     */
    Lead lock(long leadId);
}
