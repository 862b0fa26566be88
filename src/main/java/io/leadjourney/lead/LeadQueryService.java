package io.leadjourney.lead;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a lead with its timeline. */
@Service
public class LeadQueryService {

    private final LeadRepository leads;
    private final StageTransitionRepository transitions;
    private final LeadFields fields;

    LeadQueryService(LeadRepository leads, StageTransitionRepository transitions, LeadFields fields) {
        this.leads = leads;
        this.transitions = transitions;
        this.fields = fields;
    }

    @Transactional(readOnly = true)
    public LeadView find(long leadId) {
        Lead lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        return LeadView.of(lead, fields.valuesOf(lead), transitions.findByLeadIdOrderByIdAsc(leadId));
    }
}
