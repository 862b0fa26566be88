package io.leadjourney.journey;

import io.leadjourney.engine.SystemAuthentication;

/** Ids of {@code bpmn/lead-journey.bpmn} and the names of its process variables, defined once. */
public final class LeadJourney {

    public static final String PROCESS_ID = "lead-journey";
    public static final String MESSAGE_LEAD_ENGAGED = "lead.engaged";
    public static final String INCIDENT_SLA_BREACH = "slaBreach";

    // Activities
    public static final String START_LEAD_CAPTURED = "StartEvent_LeadCaptured";
    public static final String TASK_SCORE_LEAD = "ServiceTask_ScoreLead";
    public static final String TASK_ROUTE_LEAD = "ServiceTask_RouteLead";
    public static final String TASK_ACCEPT_LEAD = "UserTask_AcceptLead";
    public static final String TASK_REASSIGN_LEAD = "UserTask_ReassignLead";
    public static final String TASK_FIRST_CONTACT = "UserTask_FirstContact";
    public static final String TASK_CONTACT_ATTEMPT = "UserTask_ContactAttempt";
    public static final String TASK_DISCOVERY_CALL = "UserTask_DiscoveryCall";
    public static final String TASK_ENTER_NURTURE = "ServiceTask_EnterNurture";
    public static final String TASK_MARK_DORMANT = "ServiceTask_MarkDormant";
    public static final String TASK_HAND_OFF_TO_SALES = "ServiceTask_HandOffToSales";
    public static final String TASK_DISQUALIFY = "ServiceTask_Disqualify";
    public static final String GATEWAY_AWAIT_ENGAGEMENT = "Gateway_AwaitEngagement";
    public static final String EVENT_LEAD_ENGAGED = "CatchEvent_LeadEngaged";
    public static final String EVENT_NURTURE_INACTIVE = "CatchEvent_NurtureInactive";
    public static final String TIMER_ACCEPT_REMINDER = "BoundaryEvent_AcceptReminder";
    public static final String TIMER_ACCEPT_ESCALATION = "BoundaryEvent_AcceptEscalation";
    public static final String TIMER_FIRST_CONTACT_REMINDER = "BoundaryEvent_FirstContactReminder";
    public static final String TIMER_FIRST_CONTACT_BREACH = "BoundaryEvent_FirstContactBreach";
    public static final String TIMER_CADENCE_EXPIRED = "BoundaryEvent_CadenceExpired";
    public static final String END_BECAME_SQL = "EndEvent_BecameSql";
    public static final String END_DISQUALIFIED = "EndEvent_Disqualified";
    public static final String END_DORMANT = "EndEvent_Dormant";

    // Process variables: the lead
    public static final String VAR_LEAD_ID = "leadId";
    public static final String VAR_LEAD_NAME = "leadName";
    public static final String VAR_EMAIL = "email";
    public static final String VAR_COMPANY = "company";
    public static final String VAR_EMPLOYEES = "employees";
    public static final String VAR_ROLE = "jobRole";
    public static final String VAR_INDUSTRY = "industry";
    public static final String VAR_COUNTRY = "country";
    public static final String VAR_SOURCE = "source";
    public static final String VAR_PHONE = "phone";
    public static final String VAR_WEBSITE = "website";
    public static final String VAR_JOB_TITLE = "jobTitle";
    public static final String VAR_PURCHASE_TIMING = "purchaseTiming";
    public static final String VAR_STATED_PROBLEM = "statedProblem";
    public static final String VAR_USERS = "users";
    public static final String VAR_RECENT_ACTIVITY = "recentActivity";

    /**
     * Task variables for the Tasklist cards (the filters' {@code variables}): the lead, its company and score on the
     * task itself, which its assignee and candidates may read; the journey's own variables they may not.
     */
    public static final String VAR_CARD_LEAD = "cardLead";
    public static final String VAR_CARD_COMPANY = "cardCompany";
    public static final String VAR_CARD_SCORE = "cardScore";

    // Scoring
    public static final String VAR_FIT_SCORE = "fitScore";
    public static final String VAR_ENGAGEMENT_SCORE = "engagementScore";
    public static final String VAR_SCORE = "score";
    public static final String VAR_GRADE = "grade";
    public static final String VAR_IS_MQL = "isMql";
    public static final String VAR_SCORE_RECEIPT = "scoreReceipt";

    // Routing
    public static final String VAR_ASSIGNED_REP = "assignedRep";
    public static final String VAR_ASSIGNED_GROUP = "assignedGroup";
    public static final String VAR_ROUTING_REASON = "routingReason";
    public static final String VAR_REP_FOUND = "repFound";
    public static final String VAR_LAPSED_REP = "lapsedRep";
    public static final String VAR_REASSIGN_TO = "reassignTo";
    /** The message of an acceptance breach, raised as an incident where the lead waits next. */
    public static final String VAR_PENDING_SLA_BREACH = "pendingSlaBreach";

    // Acceptance
    public static final String VAR_ACCEPT_DECISION = "acceptDecision";
    public static final String VAR_REJECT_REASON = "rejectReason";
    public static final String VAR_REJECT_NOTE = "rejectNote";
    public static final String DECISION_ACCEPT = "ACCEPT";
    public static final String DECISION_REJECT = "REJECT";

    // Contact cadence
    public static final String VAR_CONTACT_CHANNEL = "contactChannel";
    public static final String VAR_LEAD_REACHED = "leadReached";
    public static final String VAR_CONTACT_NOTE = "contactNote";
    public static final String VAR_CALLS_MADE = "callsMade";
    public static final String VAR_EMAILS_MADE = "emailsMade";
    public static final String VAR_ATTEMPTS_LEFT = "attemptsLeft";
    /** When the contact cadence window closes (a date), for spreading the attempts left. */
    public static final String VAR_CADENCE_ENDS_AT = "cadenceEndsAt";
    /** When the next contact attempt is due: the due date of "Make next contact attempt" in Tasklist. */
    public static final String VAR_NEXT_ATTEMPT_DUE = "nextAttemptDue";
    /** The attempts made so far, with their notes, for the next attempt's form. */
    public static final String VAR_EARLIER_ATTEMPTS = "earlierAttempts";
    /** The active reps a manager may reassign a lead to: a JSON list of {@code {label, value}} for the form. */
    public static final String VAR_ACTIVE_REPS = "activeReps";
    public static final String VAR_CONTRACT_USED_UP = "contractUsedUp";

    // Discovery call
    public static final String VAR_DISCOVERY_OUTCOME = "discoveryOutcome";
    public static final String VAR_BANT_BUDGET = "bantBudget";
    public static final String VAR_BANT_AUTHORITY = "bantAuthority";
    public static final String VAR_BANT_NEED = "bantNeed";
    public static final String VAR_BANT_TIMELINE = "bantTimeline";
    public static final String VAR_TEMPERATURE = "leadTemperature";
    public static final String OUTCOME_READY = "READY";
    public static final String OUTCOME_NEEDS_NURTURE = "NEEDS_NURTURE";
    public static final String OUTCOME_SUSPECT = "SUSPECT";

    // Detours
    public static final String VAR_NURTURE_REASON = "nurtureReason";
    public static final String VAR_NURTURE_TRACK = "nurtureTrack";
    public static final String VAR_DISQUALIFY_REASON = "disqualifyReason";

    /** How long the contact cadence runs, in working time: set by the model on the way to "Mark lead accepted". */
    public static final String VAR_CADENCE_WINDOW = "cadenceWindow";
    /** {@code both} or {@code either}: when the contact contract is used up ({@code contact-cadence.dmn}). */
    public static final String VAR_CADENCE_USED_UP_WHEN = "cadenceUsedUpWhen";
    // The contract's counts each journey starts under (copied from configuration at start)
    public static final String VAR_MAX_CALLS = "maxCalls";
    public static final String VAR_MAX_EMAILS = "maxEmails";
    public static final String VAR_MANAGER_GROUP = "managerGroup";
    /** The fields {@code lead-fields.dmn} declares, "CRM in use: HubSpot", a line each. */
    public static final String VAR_OTHER_DETAILS = "otherDetails";

    /** {@code acceptance-watch.bpmn}: sales' side of the SLA, checked on its timer. */
    public static final String WATCH_PROCESS_ID = "acceptance-watch";
    public static final String WATCH_TIMER = "StartEvent_EveryQuarterHour";
    public static final String TASK_ACT_ON_ACCEPTANCE_RATE = "UserTask_ActOnAcceptanceRate";
    public static final String VAR_VERDICT = "verdict";
    public static final String VAR_ACCEPTANCE_RATE = "acceptanceRate";
    public static final String VAR_ACCEPTED = "accepted";
    public static final String VAR_REJECTED = "rejected";
    public static final String VAR_FLOOR = "floor";
    public static final String VAR_ACTION_TAKEN = "actionTaken";

    // Local input parameters of reusable service tasks
    public static final String INPUT_SLA = "sla";
    public static final String INPUT_WAITING_ACTIVITY = "waitingActivity";

    /** Who did a step when no user is logged in: timers, async jobs, integrations. */
    public static final String SYSTEM_ACTOR = SystemAuthentication.SYSTEM_ACTOR;

    private LeadJourney() {
    }
}
