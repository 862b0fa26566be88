package io.leadjourney.journey;

import io.leadjourney.sla.AcceptanceRateWatch;
import io.leadjourney.sla.SlaProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check the acceptance rate" of {@code acceptance-watch.bpmn}: the watch judges the rate against
 * {@code acceptance-floor.dmn} and tells the managers; the process learns the verdict, and the figures the managers'
 * task shows.
 */
@Component
class CheckAcceptanceRateDelegate implements JavaDelegate {

    private final AcceptanceRateWatch watch;
    private final SlaProperties sla;

    CheckAcceptanceRateDelegate(AcceptanceRateWatch watch, SlaProperties sla) {
        this.watch = watch;
        this.sla = sla;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AcceptanceRateWatch.Check check = watch.check();
        execution.setVariable(LeadJourney.VAR_VERDICT, check.verdict().name());
        execution.setVariable(LeadJourney.VAR_ACCEPTANCE_RATE, check.rate());
        execution.setVariable(LeadJourney.VAR_ACCEPTED, check.accepted());
        execution.setVariable(LeadJourney.VAR_REJECTED, check.rejected());
        execution.setVariable(LeadJourney.VAR_FLOOR, watch.floor().floor());
        execution.setVariable(LeadJourney.VAR_MANAGER_GROUP, sla.managerGroup());
    }
}
