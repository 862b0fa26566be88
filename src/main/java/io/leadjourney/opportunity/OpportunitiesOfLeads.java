package io.leadjourney.opportunity;

import io.leadjourney.lead.SalesOpportunities;
import io.leadjourney.lead.SalesOpportunity;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** {@link SalesOpportunities} from the {@code opportunity} table. */
@Component
class OpportunitiesOfLeads implements SalesOpportunities {

    private final OpportunityRepository opportunities;

    OpportunitiesOfLeads(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public Optional<SalesOpportunity> of(long leadId) {
        return opportunities.findByLeadId(leadId).map(o -> new SalesOpportunity(o.getId(), o.getEstimatedValue(),
                o.getTemperature(), o.getOutcome() == null ? null : o.getOutcome().name(), o.getDealValue(),
                o.getCurrency(), o.getClosedOn()));
    }
}
