package io.leadjourney.sla;

/** The sales side of the qualified-lead contract: deadlines a rep can breach. */
public enum Sla {
    /** The rep must accept or reject a routed MQL. */
    ACCEPT_LEAD,
    /** The rep must make the first contact attempt after accepting. */
    FIRST_CONTACT
}
