package io.leadjourney.lead;

import java.util.Optional;

/** The lead's opportunity, if it was handed to sales: {@code opportunity} implements it. */
public interface SalesOpportunities {

    Optional<SalesOpportunity> of(long leadId);
}
