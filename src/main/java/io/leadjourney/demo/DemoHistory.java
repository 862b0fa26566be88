package io.leadjourney.demo;

import io.leadjourney.intake.EngagementService;
import io.leadjourney.intake.LeadIntakeService;
import io.leadjourney.intake.NewEngagementEvent;
import io.leadjourney.journey.LeadJourney;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.opportunity.DealOutcome;
import io.leadjourney.opportunity.NewOutcome;
import io.leadjourney.opportunity.OutcomeService;
import io.leadjourney.routing.Rep;
import io.leadjourney.routing.RoutingService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Lives a {@link DemoPlan} through: the engine's clock (which the application reads too) walks the quarter hour by
 * hour; leads are captured and engage through the intake services, the journey's jobs and timers run as they fall
 * due, reps work their tasks in office hours as each lead's fate says (some late enough to be reminded, some to
 * breach), managers reassign what breached, and the CRM reports deals won and lost. What it leaves is what the
 * product would have recorded. The job executor is paused while it runs, so the journey's jobs run here, in order,
 * and the same plan makes the same history; the clock is the system's again afterwards.
 */
@Component
class DemoHistory {

    static final String ACCEPT = LeadJourney.TASK_ACCEPT_LEAD;
    static final String MARKETING_AUTOMATION = "integration";
    static final String MANAGER = "manager";
    static final String CRM = "integration";
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final Duration STEP = Duration.ofHours(1);
    private static final int MAX_JOB_ROUNDS = 100;

    /** What was generated, for the log and the tests. */
    record Report(int leads, int events, int tasksWorked, int jobsRun, int deals, int skipped, Duration took) {
    }

    private final ProcessEngine engine;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final LeadIntakeService intake;
    private final EngagementService engagement;
    private final OutcomeService outcomes;
    private final LeadRepository leads;
    private final RoutingService routing;

    DemoHistory(ProcessEngine engine, LeadIntakeService intake, EngagementService engagement,
                OutcomeService outcomes, LeadRepository leads, RoutingService routing) {
        this.engine = engine;
        this.management = engine.getManagementService();
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.identity = engine.getIdentityService();
        this.intake = intake;
        this.engagement = engagement;
        this.outcomes = outcomes;
        this.leads = leads;
        this.routing = routing;
    }

    Report generate(DemoPlan plan) {
        Run run = new Run(plan);
        try {
            return run.live();
        } finally {
            ClockUtil.reset();
            run.resumeJobExecutor();
        }
    }

    /** One walk through the plan's quarter. */
    private final class Run {

        private final DemoPlan plan;
        private final Map<String, Long> leadOfInstance = new HashMap<>();
        private final Map<Long, DemoPlan.PlannedLead> byLead = new HashMap<>();
        private final PriorityQueue<Happening> happenings = new PriorityQueue<>(
                Comparator.comparing(Happening::at).thenComparing(Happening::order));
        private final Map<String, List<String>> groupsOf = new HashMap<>();
        private int order;
        private int captured;
        private int events;
        private int worked;
        private int jobs;
        private int deals;
        private int skipped;

        /** Something due at a time: a lead arriving, an event, a deal closing. */
        private record Happening(Instant at, int order, Runnable action) {
        }

        private final JobExecutor executor;
        private boolean paused;

        Run(DemoPlan plan) {
            this.plan = plan;
            this.executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        }

        /**
         * Pauses the job executor, at every step: the starter starts it when the application is ready, which may
         * be after this run began.
         */
        private void pauseJobExecutor() {
            if (executor != null && executor.isActive()) {
                executor.shutdown();
                paused = true;
            }
        }

        void resumeJobExecutor() {
            if (paused) {
                executor.start();
            }
        }

        Report live() {
            Instant began = Instant.now();
            plan.leads().forEach(lead -> schedule(lead.arrives(), () -> arrive(lead)));
            for (Instant hour = plan.from(); hour.isBefore(plan.to()); hour = hour.plus(STEP)) {
                Instant end = hour.plus(STEP).isAfter(plan.to()) ? plan.to() : hour.plus(STEP);
                pauseJobExecutor();
                while (!happenings.isEmpty() && happenings.peek().at().isBefore(end)) {
                    Happening next = happenings.poll();
                    at(next.at());
                    attempt(next.action());
                    runDueJobs();
                }
                at(end);
                runDueJobs();
                if (officeHours(end)) {
                    workOpenTasks(end);
                    runDueJobs();
                }
            }
            return new Report(captured, events, worked, jobs, deals, skipped, Duration.between(began, Instant.now()));
        }

        private void schedule(Instant at, Runnable action) {
            happenings.add(new Happening(at, order++, action));
        }

        private void arrive(DemoPlan.PlannedLead planned) {
            long id = intake.capture(planned.lead(), MARKETING_AUTOMATION).lead().getId();
            captured++;
            byLead.put(id, planned);
            for (DemoPlan.PlannedEvent event : planned.events()) {
                schedule(event.at(), () -> {
                    engagement.record(id, new NewEngagementEvent(event.type(), event.at()));
                    events++;
                });
            }
        }

        /** Reps and managers work the tasks whose time has come, as each lead's fate says. */
        private void workOpenTasks(Instant now) {
            for (Task task : tasks.createTaskQuery().processDefinitionKey(LeadJourney.PROCESS_ID).active()
                    .orderByTaskCreateTime().asc().list()) {
                DemoPlan.PlannedLead planned = plannedFor(task);
                if (planned == null) {
                    continue;  // not a lead of the plan: someone's own
                }
                Instant created = task.getCreateTime().toInstant();
                double hours = planned.fate().hoursToWork(task.getTaskDefinitionKey(), created);
                if (created.plus(Duration.ofMinutes((long) (hours * 60))).isAfter(now)) {
                    continue;
                }
                attempt(() -> work(task, planned, now));
            }
        }

        private void work(Task task, DemoPlan.PlannedLead planned, Instant now) {
            DemoPlan.Fate fate = planned.fate();
            Instant created = task.getCreateTime().toInstant();
            long leadId = leadIdOf(task);
            switch (task.getTaskDefinitionKey()) {
                case LeadJourney.TASK_ACCEPT_LEAD -> complete(task, task.getAssignee(), fate.rejectFor() == null
                        ? Map.of(LeadJourney.VAR_ACCEPT_DECISION, LeadJourney.DECISION_ACCEPT)
                        : Map.of(LeadJourney.VAR_ACCEPT_DECISION, LeadJourney.DECISION_REJECT,
                        LeadJourney.VAR_REJECT_REASON, fate.rejectFor().name(), LeadJourney.VAR_REJECT_NOTE,
                        fate.rejectNote()));
                case LeadJourney.TASK_REASSIGN_LEAD -> complete(task, MANAGER,
                        Map.of(LeadJourney.VAR_REASSIGN_TO, standIn(leadId)));
                case LeadJourney.TASK_FIRST_CONTACT, LeadJourney.TASK_CONTACT_ATTEMPT -> {
                    boolean reached = fate.reaches(created);
                    boolean call = created.toEpochMilli() / 1000 % 3 != 0;
                    complete(task, task.getAssignee(), Map.of(LeadJourney.VAR_CONTACT_CHANNEL, call ? "CALL" : "EMAIL",
                            LeadJourney.VAR_LEAD_REACHED, reached, LeadJourney.VAR_CONTACT_NOTE, reached
                                    ? "Discovery call booked" : call ? "No answer, left a voicemail"
                                    : "Sent a short e-mail with our case study"));
                }
                case LeadJourney.TASK_DISCOVERY_CALL -> {
                    String outcome = fate.discovery();
                    boolean ready = LeadJourney.OUTCOME_READY.equals(outcome);
                    complete(task, task.getAssignee(), Map.of(
                            LeadJourney.VAR_BANT_NEED, !LeadJourney.OUTCOME_SUSPECT.equals(outcome),
                            LeadJourney.VAR_BANT_BUDGET, ready,
                            LeadJourney.VAR_BANT_AUTHORITY, ready && fate.seed() % 2 == 0,
                            LeadJourney.VAR_BANT_TIMELINE, ready ? "WITHIN_3_MONTHS" : "LATER",
                            LeadJourney.VAR_DISCOVERY_OUTCOME, outcome));
                    if (ready && fate.deal() != DemoPlan.Deal.OPEN) {
                        schedule(now.plus(Duration.ofDays(fate.dealAfterDays())), () -> closeDeal(leadId, fate));
                    }
                }
                default -> {
                    return;  // nothing the demo does there
                }
            }
            worked++;
        }

        private void closeDeal(long leadId, DemoPlan.Fate fate) {
            if (leads.findById(leadId).map(Lead::getStage).orElse(null) != LeadStage.SQL) {
                return;
            }
            LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
            NewOutcome outcome = fate.deal() == DemoPlan.Deal.WON
                    ? new NewOutcome(DealOutcome.WON, BigDecimal.valueOf(fate.dealValue()), "EUR", today, null)
                    : new NewOutcome(DealOutcome.LOST, null, null, today, fate.lostReason());
            outcomes.record(leadId, outcome, CRM);
            deals++;
        }

        /** Who a manager gives a breached lead to: the next in line in its band, or any other active rep. */
        private String standIn(long leadId) {
            Lead lead = leads.findById(leadId).orElseThrow();
            String lapsed = lead.getAssignedRep();
            String next = lead.getAssignedGroup() == null ? null : routing.nextInLine(lead.getAssignedGroup()).rep();
            if (next != null && !next.equals(lapsed)) {
                return next;
            }
            return routing.activeReps().stream().map(Rep::getUserId).filter(rep -> !rep.equals(lapsed))
                    .sorted().findFirst().orElseThrow(() -> new IllegalStateException("no other active rep"));
        }

        private void complete(Task task, String user, Map<String, Object> variables) {
            String who = user == null ? MANAGER : user;
            completeAs(who, groupsOf.computeIfAbsent(who, DemoHistory.this::groupsOf), task, variables);
        }

        private DemoPlan.PlannedLead plannedFor(Task task) {
            Long lead = leadIdOf(task);
            return lead == null ? null : byLead.get(lead);
        }

        private Long leadIdOf(Task task) {
            return leadOfInstance.computeIfAbsent(task.getProcessInstanceId(), instance -> {
                ProcessInstance journey = runtime.createProcessInstanceQuery().processInstanceId(instance)
                        .singleResult();
                return journey == null ? null : Long.valueOf(journey.getBusinessKey());
            });
        }

        /** The journey's jobs due by now, oldest first, until none is left; other processes' jobs wait. */
        private void runDueJobs() {
            for (int round = 0; round < MAX_JOB_ROUNDS; round++) {
                List<Job> due = management.createJobQuery().processDefinitionKey(LeadJourney.PROCESS_ID)
                        .executable().orderByJobDuedate().asc().listPage(0, 500);
                if (due.isEmpty()) {
                    return;
                }
                for (Job job : due) {
                    attempt(() -> management.executeJob(job.getId()));
                    jobs++;
                }
            }
        }

        private void attempt(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException e) {
                skipped++;
                log.debug("Demo history skipped a step at {}: {}", ClockUtil.getCurrentTime().toInstant(),
                        e.getMessage());
            }
        }
    }

    /** The user's groups, as the engine's authorization sees them. */
    List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    /** Completes the task as the user, with the groups given: what the user's click in Tasklist would do. */
    void completeAs(String user, List<String> groups, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static void at(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
    }

    /** When reps and managers work: Monday to Friday, 08:00 to 18:00 UTC. */
    private static boolean officeHours(Instant when) {
        OffsetDateTime local = when.atOffset(ZoneOffset.UTC);
        return local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY
                && local.getHour() >= 8 && local.getHour() < 18;
    }
}
