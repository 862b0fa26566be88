package io.leadjourney.portal;

/** Where a lead stands against its SLA clocks. */
public enum SlaState {
    /** its open task falls due within the next 24 hours and is not overdue yet */
    DUE_SOON,
    /** an SLA breach is on record and the lead is still with sales (MQL or SAL) */
    BREACHED
}
