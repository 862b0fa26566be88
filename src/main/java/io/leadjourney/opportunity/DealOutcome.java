package io.leadjourney.opportunity;

/** What sales reports for an SQL it received. */
public enum DealOutcome {
    WON, LOST
}
