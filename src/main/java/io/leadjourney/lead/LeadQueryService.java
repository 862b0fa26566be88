package io.leadjourney.lead;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a lead with its timeline. */
@Service
public class LeadQueryService {

    private final LeadRepository leads;
    private final StageTransitionRepository transitions;

    LeadQueryService(LeadRepository leads, StageTransitionRepository transitions) {
        this.leads = leads;
        this.transitions = transitions;
    }

    @Transactional(readOnly = true)
    public LeadView find(long leadId) {
        Lead lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        return LeadView.of(lead, transitions.findByLeadIdOrderByIdAsc(leadId));
    }
}
