package io.leadjourney.journey;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.LeadStageService;
import io.leadjourney.nurture.LeadRequalification;
import io.leadjourney.nurture.NurtureService;
import io.leadjourney.opportunity.HandOffService;
import io.leadjourney.routing.Assignment;
import io.leadjourney.routing.RoutingService;
import io.leadjourney.scoring.FitLine;
import io.leadjourney.scoring.ScoreCard;
import io.leadjourney.scoring.ScoringService;
import io.leadjourney.sla.ContactAttemptRepository;
import io.leadjourney.sla.ContactCadenceService;
import io.leadjourney.sla.Sla;
import io.leadjourney.sla.SlaCalendar;
import io.leadjourney.sla.SlaService;
import io.leadjourney.sla.TeamCalendar;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static io.leadjourney.journey.LeadJourney.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every path of {@code lead-journey.bpmn}, with the real delegates and DMN tables and mocked services.
 * The job executor is off: async steps and timers run when a test executes their job.
 */
@Deployment(resources = {"lead-journey.bpmn", "bant-temperature.dmn", "sql-gate.dmn", "accept-lead.form", "contact-attempt.form",
        "discovery-call.form", "reassign-lead.form"})
class LeadJourneyProcessTest {

    /**
     * Not named camunda.cfg.xml: Camunda's REST API would find that name on the test classpath and start a second
     * "default" engine beside the application's in the integration tests.
     */
    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(
                    "lead-journey-process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.95).build();

    private static final long LEAD = 42L;
    private static final String REP = "rep-c";

    private final ScoringService scoring = mock(ScoringService.class);
    private final RoutingService routing = mock(RoutingService.class);
    /** The deployed tables, as the application's evaluator answers them. */
    private final DecisionEvaluator decisions = mock(DecisionEvaluator.class);
    private final LeadStageService stages = mock(LeadStageService.class);
    private final NurtureService nurture = mock(NurtureService.class);
    private final LeadRequalification requalification = mock(LeadRequalification.class);
    private final SlaService slas = mock(SlaService.class);
    private final HandOffService handOff = mock(HandOffService.class);
    private final SlaIncidents incidents = mock(SlaIncidents.class);
    private final SystemAuthentication system = mock(SystemAuthentication.class);
    private final LeadFormContext formContext = mock(LeadFormContext.class);
    private final ContactCadenceService cadence = new ContactCadenceService(mock(ContactAttemptRepository.class),
            new SlaCalendar(TeamCalendar.weekly(ZoneOffset.UTC,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
                    List.of())), Clock.systemUTC());

    @BeforeEach
    void registerDelegates() {
        when(system.currentActor()).thenReturn(REP);
        when(decisions.evaluate(anyString(), any())).thenAnswer(call -> new DecisionOutcome(call.getArgument(0), 1,
                decisionService().evaluateDecisionTableByKey(call.getArgument(0),
                        call.<Map<String, Object>>getArgument(1)).getResultList()));
        when(formContext.cardOf(anyLong())).thenReturn(Map.of(VAR_CARD_COMPANY, "Bletchley Systems"));
        when(nurture.enroll(anyLong(), anyString(), anyString())).thenReturn("enterprise-drip");
        when(slas.recordBreach(anyLong(), any(), anyString())).thenReturn(new SlaService.Breach("SLA breach", REP));
        scoresMql(true);
        routesTo(REP);

        Mocks.register("scoreLeadDelegate", new ScoreLeadDelegate(scoring));
        Mocks.register("routeLeadDelegate", new RouteLeadDelegate(routing));
        Mocks.register("recordReassignmentDelegate", new RecordReassignmentDelegate(routing, system));
        Mocks.register("markAcceptedDelegate", new MarkAcceptedDelegate(stages, cadence, system));
        Mocks.register("recordRejectionDelegate", new RecordRejectionDelegate(stages, system));
        Mocks.register("logContactAttemptDelegate", new LogContactAttemptDelegate(cadence, system));
        Mocks.register("enterNurtureDelegate", new EnterNurtureDelegate(nurture, system));
        Mocks.register("markDormantDelegate", new MarkDormantDelegate(requalification));
        Mocks.register("disqualifyDelegate", new DisqualifyDelegate(stages, system));
        Mocks.register("handOffToSalesDelegate", new HandOffToSalesDelegate(handOff, system));
        Mocks.register("remindRepDelegate", new RemindRepDelegate(slas));
        Mocks.register("recordSlaBreachDelegate", new RecordSlaBreachDelegate(slas, incidents));
        when(formContext.activeReps()).thenReturn("[]");
        Mocks.register("leadContextListener", new LeadContextListener(formContext, cadence));
        Mocks.register("taskCompletionListener", new TaskCompletionListener(incidents,
                new TaskInputRules(routing, decisions)));
        Mocks.register("slaIncidentListener", new SlaIncidentListener(incidents));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void mqlIsRoutedAcceptedContactedAndHandedToSalesAsSql() {
        ProcessInstance journey = startAndRouteToAcceptance();
        BpmnAwareTests.assertThat(journey).task().isAssignedTo(REP).hasCandidateGroupAssociated("reps-large");

        complete(task(), withVariables(VAR_ACCEPT_DECISION, DECISION_ACCEPT));
        verify(stages).moveTo(LEAD, LeadStage.SAL, REP, "Accepted by sales");
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_FIRST_CONTACT);

        complete(task(), withVariables(VAR_CONTACT_CHANNEL, "CALL", VAR_LEAD_REACHED, true));
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_DISCOVERY_CALL);

        complete(task(), withVariables(VAR_BANT_NEED, true, VAR_BANT_BUDGET, true, VAR_BANT_AUTHORITY, true,
                VAR_BANT_TIMELINE, "WITHIN_3_MONTHS", VAR_DISCOVERY_OUTCOME, OUTCOME_READY));

        BpmnAwareTests.assertThat(journey).isEnded().hasPassed(TASK_HAND_OFF_TO_SALES).hasPassed(END_BECAME_SQL)
                .variables().containsEntry(VAR_TEMPERATURE, "HOT");
        verify(handOff).handOff(LEAD, "HOT", REP);
    }

    @Test
    void leadThatIsNotAnMqlGoesToNurtureAndWaitsForEngagement() {
        scoresMql(false);
        ProcessInstance journey = start();
        execute(job(TASK_SCORE_LEAD, journey));

        BpmnAwareTests.assertThat(journey).isWaitingAt(GATEWAY_AWAIT_ENGAGEMENT).hasNotPassed(TASK_ROUTE_LEAD);
        verify(nurture).enroll(LEAD, "NOT_MQL", REP);
    }

    @Test
    void rejectionForNotNowSendsTheLeadBackToNurture() {
        ProcessInstance journey = startAndRouteToAcceptance();

        complete(task(), withVariables(VAR_ACCEPT_DECISION, DECISION_REJECT, VAR_REJECT_REASON, "NOT_NOW",
                VAR_REJECT_NOTE, "Budget freeze until Q3"));

        verify(stages).moveTo(LEAD, LeadStage.REJECTED, REP, "NOT_NOW: Budget freeze until Q3");
        verify(nurture).enroll(LEAD, "NOT_NOW", REP);
        BpmnAwareTests.assertThat(journey).isWaitingAt(GATEWAY_AWAIT_ENGAGEMENT);
    }

    @Test
    void rejectionAsNotAFitDisqualifiesTheLead() {
        ProcessInstance journey = startAndRouteToAcceptance();

        complete(task(), withVariables(VAR_ACCEPT_DECISION, DECISION_REJECT, VAR_REJECT_REASON, "NOT_A_FIT"));

        BpmnAwareTests.assertThat(journey).isEnded().hasPassed(END_DISQUALIFIED);
        verify(stages).moveTo(LEAD, LeadStage.DISQUALIFIED, REP, "NOT_A_FIT");
    }

    @Test
    void rejectionWithoutAReasonIsRefusedAndTheTaskStays() {
        ProcessInstance journey = startAndRouteToAcceptance();

        assertThatThrownBy(() -> complete(task(), withVariables(VAR_ACCEPT_DECISION, DECISION_REJECT)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(VAR_REJECT_REASON);
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_ACCEPT_LEAD);
    }

    @Test
    void acceptReminderNotifiesTheRepAndTheTaskStays() {
        ProcessInstance journey = startAndRouteToAcceptance();

        execute(job(TIMER_ACCEPT_REMINDER, journey));
        noJobOf("ServiceTask_RemindRepToAccept", journey); // the reminder ran in the timer's job

        verify(slas).remind(LEAD, Sla.ACCEPT_LEAD);
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_ACCEPT_LEAD).task().isAssignedTo(REP);
    }

    @Test
    void acceptEscalationRecordsTheBreachAndReroutesPastTheLapsedRep() {
        ProcessInstance journey = startAndRouteToAcceptance();
        when(routing.assign(LEAD, REP)).thenReturn(new Assignment("rep-b", "reps-large", "rerouted"));

        execute(job(TIMER_ACCEPT_ESCALATION, journey));
        execute(job("ServiceTask_RecordAcceptBreach", journey));
        routedInTheJobBefore(journey);

        verify(slas).recordBreach(eq(LEAD), eq(Sla.ACCEPT_LEAD), eq(journey.getId()));
        verify(routing).assign(LEAD, REP);
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_ACCEPT_LEAD).task().isAssignedTo("rep-b");
        verify(incidents).raiseOn(task().getExecutionId(), Sla.ACCEPT_LEAD, "SLA breach");
        BpmnAwareTests.assertThat(journey).variables().doesNotContainKeys(VAR_LAPSED_REP, VAR_PENDING_SLA_BREACH);

        complete(task(), withVariables(VAR_ACCEPT_DECISION, DECISION_ACCEPT));
        verify(incidents).resolve(journey.getId(), Sla.ACCEPT_LEAD);
    }

    @Test
    void escalationWithNoRepLeftGoesToTheManagersReassignTask() {
        ProcessInstance journey = startAndRouteToAcceptance();
        when(routing.assign(LEAD, REP)).thenReturn(new Assignment(null, "reps-large", "nobody left"));
        when(routing.isActiveRep("rep-b")).thenReturn(true);
        when(routing.assignByHand(LEAD, "rep-b", REP)).thenReturn(new Assignment("rep-b", "reps-large", "by hand"));

        execute(job(TIMER_ACCEPT_ESCALATION, journey));
        execute(job("ServiceTask_RecordAcceptBreach", journey));
        routedInTheJobBefore(journey);

        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_REASSIGN_LEAD).task().hasCandidateGroup("managers");
        verify(incidents).raiseOn(task().getExecutionId(), Sla.ACCEPT_LEAD, "SLA breach");
        complete(task(), withVariables(VAR_REASSIGN_TO, "rep-b"));
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_ACCEPT_LEAD).task().isAssignedTo("rep-b");
        verify(incidents).raiseOn(task().getExecutionId(), Sla.ACCEPT_LEAD, "SLA breach");
    }

    @Test
    void managerCannotReassignToSomeoneWhoIsNotAnActiveRep() {
        ProcessInstance journey = startAndRouteToAcceptance();
        when(routing.assign(LEAD, REP)).thenReturn(new Assignment(null, "reps-large", "nobody left"));
        execute(job(TIMER_ACCEPT_ESCALATION, journey));
        execute(job("ServiceTask_RecordAcceptBreach", journey));
        routedInTheJobBefore(journey);

        assertThatThrownBy(() -> complete(task(), withVariables(VAR_REASSIGN_TO, "nobody")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(VAR_REASSIGN_TO);
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_REASSIGN_LEAD);
    }

    @Test
    void firstContactReminderAndBreachAreRecordedWhileTheTaskStays() {
        ProcessInstance journey = startAndAccept();

        execute(job(TIMER_FIRST_CONTACT_REMINDER, journey));
        noJobOf("ServiceTask_RemindFirstContact", journey); // the reminder ran in the timer's job
        execute(job(TIMER_FIRST_CONTACT_BREACH, journey));
        execute(job("ServiceTask_RecordFirstContactBreach", journey));

        verify(slas).remind(LEAD, Sla.FIRST_CONTACT);
        verify(slas).recordBreach(eq(LEAD), eq(Sla.FIRST_CONTACT), eq(journey.getId()));
        verify(incidents).raiseWhereWaiting(any(), eq(TASK_FIRST_CONTACT), eq(Sla.FIRST_CONTACT), eq("SLA breach"));
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_FIRST_CONTACT);

        complete(task(), withVariables(VAR_CONTACT_CHANNEL, "EMAIL", VAR_LEAD_REACHED, true));
        verify(incidents).resolve(journey.getId(), Sla.FIRST_CONTACT);
    }

    @Test
    void cadenceUsedUpWithoutReachingTheLeadSendsItBackToNurture() {
        ProcessInstance journey = startAndAccept();

        for (String channel : List.of("CALL", "EMAIL", "CALL", "EMAIL", "CALL")) {
            complete(task(), withVariables(VAR_CONTACT_CHANNEL, channel, VAR_LEAD_REACHED, false));
            BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_CONTACT_ATTEMPT);
        }
        BpmnAwareTests.assertThat(journey).variables().hasEntrySatisfying(VAR_ATTEMPTS_LEFT, left ->
                org.assertj.core.api.Assertions.assertThat((String) left)
                        .startsWith("0 call(s) and 1 e-mail(s) left; next attempt due by "));
        complete(task(), withVariables(VAR_CONTACT_CHANNEL, "EMAIL", VAR_LEAD_REACHED, false));

        BpmnAwareTests.assertThat(journey).hasPassed("EndEvent_ContractUsedUp").isWaitingAt(GATEWAY_AWAIT_ENGAGEMENT);
        verify(nurture).enroll(LEAD, "UNRESPONSIVE", REP);
    }

    @Test
    void cadenceWindowRunningOutSendsTheLeadBackToNurture() {
        ProcessInstance journey = startAndAccept();

        execute(job(TIMER_CADENCE_EXPIRED, journey));

        BpmnAwareTests.assertThat(journey).isWaitingAt(GATEWAY_AWAIT_ENGAGEMENT);
        verify(nurture).enroll(LEAD, "CADENCE_EXPIRED", REP);
    }

    @Test
    void discoveryCallWithASuspectDisqualifiesTheLead() {
        ProcessInstance journey = startAcceptAndReach();

        complete(task(), withVariables(VAR_BANT_NEED, false, VAR_BANT_BUDGET, false, VAR_BANT_AUTHORITY, false,
                VAR_BANT_TIMELINE, "UNKNOWN", VAR_DISCOVERY_OUTCOME, OUTCOME_SUSPECT));

        BpmnAwareTests.assertThat(journey).isEnded().hasPassed(END_DISQUALIFIED)
                .variables().containsEntry(VAR_TEMPERATURE, "COLD");
        verify(stages).moveTo(LEAD, LeadStage.DISQUALIFIED, REP, "SUSPECT");
        verify(handOff, never()).handOff(anyLong(), anyString(), anyString());
    }

    @Test
    void discoveryCallThatNeedsNurtureSendsTheLeadBack() {
        ProcessInstance journey = startAcceptAndReach();

        complete(task(), withVariables(VAR_BANT_NEED, true, VAR_BANT_BUDGET, false, VAR_BANT_AUTHORITY, true,
                VAR_BANT_TIMELINE, "LATER", VAR_DISCOVERY_OUTCOME, OUTCOME_NEEDS_NURTURE));

        BpmnAwareTests.assertThat(journey).isWaitingAt(GATEWAY_AWAIT_ENGAGEMENT)
                .variables().containsEntry(VAR_TEMPERATURE, "WARM");
        verify(nurture).enroll(LEAD, "DISCOVERY_NEEDS_NURTURE", REP);
    }

    @Test
    void nurturedLeadThatEngagesIsScoredAgainAndRoutedAsMql() {
        scoresMql(false);
        ProcessInstance journey = start();
        execute(job(TASK_SCORE_LEAD, journey));
        scoresMql(true);

        runtimeService().createMessageCorrelation(MESSAGE_LEAD_ENGAGED)
                .processInstanceBusinessKey(String.valueOf(LEAD)).correlate();
        execute(job(TASK_SCORE_LEAD, journey));
        routedInTheJobBefore(journey);

        BpmnAwareTests.assertThat(journey).hasPassed(EVENT_LEAD_ENGAGED).isWaitingAt(TASK_ACCEPT_LEAD);
    }

    @Test
    void nurturedLeadThatStaysSilentGoesDormant() {
        scoresMql(false);
        ProcessInstance journey = start();
        execute(job(TASK_SCORE_LEAD, journey));

        execute(job(EVENT_NURTURE_INACTIVE, journey));
        execute(job(TASK_MARK_DORMANT, journey));

        BpmnAwareTests.assertThat(journey).isEnded().hasPassed(END_DORMANT);
        verify(requalification).markDormant(LEAD, "30 days without engagement");
    }

    // --- given

    private void scoresMql(boolean mql) {
        when(scoring.qualify(LEAD, SYSTEM_ACTOR)).thenReturn(new ScoreCard(55, mql ? 30 : 0, mql ? 85 : 55,
                mql ? "A" : "C", mql, "test", List.of(new FitLine("fit", 55)), List.of(), List.of(), null,
                Map.of("lead-fit", 1), Instant.now()));
    }

    private void routesTo(String rep) {
        when(routing.assign(eq(LEAD), isNull())).thenReturn(new Assignment(rep, "reps-large", "band large"));
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS_ID, String.valueOf(LEAD), Variables.createVariables()
                .putValue(VAR_LEAD_ID, LEAD)
                .putValue(VAR_MAX_CALLS, 3)
                .putValue(VAR_MAX_EMAILS, 3)
                .putValue(VAR_CADENCE_WINDOW, "P10D")
                .putValue(VAR_MANAGER_GROUP, "managers"));
    }

    /** "Route lead" runs in the job before it ("Score lead"'s, or the breach's): no job of its own waits. */
    private static void routedInTheJobBefore(ProcessInstance journey) {
        noJobOf(TASK_ROUTE_LEAD, journey);
        BpmnAwareTests.assertThat(journey).hasPassed(TASK_ROUTE_LEAD);
    }

    private static void noJobOf(String activityId, ProcessInstance journey) {
        org.assertj.core.api.Assertions.assertThat(BpmnAwareTests.jobQuery().processInstanceId(journey.getId())
                .activityId(activityId).count()).as("jobs of %s", activityId).isZero();
    }

    private ProcessInstance startAndRouteToAcceptance() {
        ProcessInstance journey = start();
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_SCORE_LEAD);
        execute(job(TASK_SCORE_LEAD, journey));
        routedInTheJobBefore(journey);
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_ACCEPT_LEAD);
        return journey;
    }

    private ProcessInstance startAndAccept() {
        ProcessInstance journey = startAndRouteToAcceptance();
        complete(task(), withVariables(VAR_ACCEPT_DECISION, DECISION_ACCEPT));
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_FIRST_CONTACT);
        return journey;
    }

    private ProcessInstance startAcceptAndReach() {
        ProcessInstance journey = startAndAccept();
        complete(task(), withVariables(VAR_CONTACT_CHANNEL, "CALL", VAR_LEAD_REACHED, true));
        BpmnAwareTests.assertThat(journey).isWaitingAt(TASK_DISCOVERY_CALL);
        return journey;
    }
}
