package io.leadjourney.lead;

/**
 * A part of the application that holds personal data about leads and erases it on request. Each feature that
 * stores names, e-mail addresses or free text about a lead implements it; {@link LeadErasureService} calls all.
 */
public interface PersonalData {

    /**
     * Erases what this part holds about the lead, in the caller's transaction.
     *
     * @param email the lead's e-mail address as it was (for data kept under the address, such as anonymous activity)
     */
    void erase(long leadId, String email);
}
