package io.leadjourney.lead;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a lead with its timeline and, once it is an SQL, its opportunity. */
@Service
public class LeadQueryService {

    private final LeadRepository leads;
    private final StageTransitionRepository transitions;
    private final LeadFields fields;
    private final ObjectProvider<SalesOpportunities> opportunities;

    /** @param opportunities the module above that keeps them; absent in module tests that do not include it */
    LeadQueryService(LeadRepository leads, StageTransitionRepository transitions, LeadFields fields,
                     ObjectProvider<SalesOpportunities> opportunities) {
        this.leads = leads;
        this.transitions = transitions;
        this.fields = fields;
        this.opportunities = opportunities;
    }

    @Transactional(readOnly = true)
    public LeadView find(long leadId) {
        Lead lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        SalesOpportunities sales = opportunities.getIfAvailable();
        return LeadView.of(lead, fields.valuesOf(lead), transitions.findByLeadIdOrderByIdAsc(leadId),
                sales == null ? null : sales.of(leadId).orElse(null));
    }
}
