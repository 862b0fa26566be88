package io.leadjourney.opportunity;

/** Why a deal was lost: the feedback marketing takes into the quarterly review of the qualified-lead definition. */
public enum LostReason {
    PRICE, COMPETITOR, NO_BUDGET, NO_DECISION, TIMING, PRODUCT_FIT, UNRESPONSIVE, OTHER
}
