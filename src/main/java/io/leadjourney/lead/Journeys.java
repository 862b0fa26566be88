package io.leadjourney.lead;

import java.util.List;

/**
 * A lead's journeys, as the features that capture leads and their activity touch them: start one, and tell a
 * waiting one that its lead engaged again. The process ({@code journey}) implements it, so no feature depends on
 * the engine.
 */
public interface Journeys {

    /** Starts a journey for the lead in the caller's transaction, so a lead is never stored without one. */
    String startJourney(Lead lead);

    /** As {@link #startJourney}, for many leads in the caller's transaction (an import chunk). */
    void startJourneys(List<Lead> leads);

    /** Whether a journey of the lead is running. */
    boolean isOnJourney(long leadId);

    /** A nurtured lead qualified again: its journey, waiting in nurture, goes back to sales. */
    boolean reengage(long leadId);

    /** The lead engaged without qualifying: a journey waiting in nurture starts its inactivity clock again. */
    void restartInactivityClock(long leadId);
}
