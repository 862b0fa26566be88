package io.leadjourney.lead;

import java.util.Set;

/** Why sales rejected an MQL. The first two send it back to nurture, the others disqualify it. */
public enum RejectReason {
    NOT_A_FIT, BAD_DATA, DUPLICATE, NEEDS_NURTURING, NOT_NOW;

    public static final Set<RejectReason> BACK_TO_NURTURE = Set.of(NEEDS_NURTURING, NOT_NOW);
}
