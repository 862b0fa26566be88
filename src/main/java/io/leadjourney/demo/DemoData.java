package io.leadjourney.demo;

import io.leadjourney.intake.EngagementService;
import io.leadjourney.intake.LeadIntakeService;
import io.leadjourney.intake.NewEngagementEvent;
import io.leadjourney.journey.LeadJourney;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.NewLead;
import io.leadjourney.routing.RoutingService;
import io.leadjourney.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo profile's users (password = user name) and a handful of leads at different stages, so Tasklist and
 * Cockpit are not empty on first start. Runs only when {@code leadjourney.demo.*} says so.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Duration WAIT_FOR_TASK = Duration.ofSeconds(60);
    static final String DEMO_ACTOR = "demo";

    private final DemoProperties demo;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final RoutingService routing;
    private final LeadIntakeService intake;
    private final EngagementService engagement;
    private final LeadRepository leads;
    private final DemoHistory history;

    DemoData(DemoProperties demo, IdentityService identityService, TaskService taskService, RoutingService routing,
             LeadIntakeService intake, EngagementService engagement, LeadRepository leads, DemoHistory history) {
        this.history = history;
        this.demo = demo;
        this.identityService = identityService;
        this.taskService = taskService;
        this.routing = routing;
        this.intake = intake;
        this.engagement = engagement;
        this.leads = leads;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(2)
    public void createUsers() {
        if (!demo.users()) {
            return;
        }
        user("manager", "Maria", "Manager", Groups.MANAGERS);
        user("rep-a", "Anna", "Small-Business", Groups.SALES_REPS, Groups.REPS_SMALL);
        user("rep-b", "Ben", "Mid-Market", Groups.SALES_REPS, Groups.REPS_MID);
        user("rep-c", "Carla", "Enterprise", Groups.SALES_REPS, Groups.REPS_LARGE);
        user("rep-d", "Dev", "Apac", Groups.SALES_REPS, Groups.REPS_APAC);
        user("marketing", "Mark", "Marketing", Groups.MARKETING);
        user("integration", "Marketing", "Automation", Groups.INTEGRATION);
        routing.registerRep("rep-a", "Anna Small-Business", "rep-a@leadjourney.example", Set.of(Groups.REPS_SMALL, Groups.SALES_REPS));
        routing.registerRep("rep-b", "Ben Mid-Market", "rep-b@leadjourney.example", Set.of(Groups.REPS_MID, Groups.SALES_REPS));
        routing.registerRep("rep-c", "Carla Enterprise", "rep-c@leadjourney.example", Set.of(Groups.REPS_LARGE, Groups.SALES_REPS));
        routing.registerRep("rep-d", "Dev Apac", "rep-d@leadjourney.example", Set.of(Groups.REPS_APAC));
        if (demo.leads() && demo.history().leads() > 0) {
            // The living demo's team: a second rep in each of the busiest bands, so a lapsed lead has somewhere to go.
            user("rep-e", "Eva", "Small-Business", Groups.SALES_REPS, Groups.REPS_SMALL);
            user("rep-f", "Felix", "Mid-Market", Groups.SALES_REPS, Groups.REPS_MID);
            user("rep-g", "Gita", "Enterprise", Groups.SALES_REPS, Groups.REPS_LARGE);
            routing.registerRep("rep-e", "Eva Small-Business", "rep-e@leadjourney.example",
                    Set.of(Groups.REPS_SMALL, Groups.SALES_REPS));
            routing.registerRep("rep-f", "Felix Mid-Market", "rep-f@leadjourney.example",
                    Set.of(Groups.REPS_MID, Groups.SALES_REPS));
            routing.registerRep("rep-g", "Gita Enterprise", "rep-g@leadjourney.example",
                    Set.of(Groups.REPS_LARGE, Groups.SALES_REPS));
        }
    }

    /**
     * After start-up, in the background, so the start is not slower: a quarter of history, then the named leads
     * (the job executor, running again, scores and routes them).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void createLeads() {
        if (!demo.leads() || leads.count() > 0) {
            return;
        }
        Thread seeder = new Thread(() -> {
            liveHistory();
            seedLeads();
        }, "demo-leads");
        seeder.setDaemon(true);
        seeder.start();
    }

    private void liveHistory() {
        DemoProperties.History size = demo.history();
        if (size.leads() <= 0) {
            return;
        }
        log.info("Demo: living {} days of history with {} leads in the background (a minute or two); until it is"
                + " done the engine's clock walks through those days and the job executor waits, so the leads"
                + " Tasklist, Cockpit and the dashboard show grow as it goes", size.days(), size.leads());
        try {
            DemoHistory.Report report = history.generate(DemoPlan.of(size.seed(), size.leads(), size.days(),
                    Instant.now()));
            log.info("Demo history ready in {} s: {} leads, {} engagement events, {} tasks worked, {} jobs run,"
                    + " {} deals closed ({} steps skipped)", report.took().toSeconds(), report.leads(),
                    report.events(), report.tasksWorked(), report.jobsRun(), report.deals(), report.skipped());
        } catch (RuntimeException e) {
            log.warn("Demo history stopped: {}", e.getMessage(), e);
        }
    }

    private void seedLeads() {
        try {
            capture("ada@analytical-engines.example", "Ada", "Lovelace", "Analytical Engines", 8, "Software", "CTO",
                    "United Kingdom", "webinar", true);
            long grace = capture("grace@compiler-corp.example", "Grace", "Hopper", "Compiler Corp", 35, "Software",
                    "VP Engineering", "United States", "trade show", true);
            long katherine = capture("katherine@orbital-analytics.example", "Katherine", "Johnson",
                    "Orbital Analytics", 250, "Aerospace", "Head of Operations", "United States", "white paper",
                    false);
            for (String type : List.of("CONTENT_DOWNLOADED", "PRICING_PAGE_VISITED", "WEBINAR_ATTENDED",
                    "EMAIL_CLICKED")) {
                engagement.record(katherine, new NewEngagementEvent(type, Instant.now()));
            }
            long alan = capture("alan@bletchley-systems.example", "Alan", "Turing", "Bletchley Systems", 1200,
                    "Financial Services", "CIO", "United Kingdom", "referral", true);
            capture("sam@student.example", "Sam", "Student", null, null, null, "Student", null, "blog", false);

            complete(grace, LeadJourney.TASK_ACCEPT_LEAD, "rep-b", Map.of(LeadJourney.VAR_ACCEPT_DECISION,
                    LeadJourney.DECISION_ACCEPT));
            complete(alan, LeadJourney.TASK_ACCEPT_LEAD, "rep-c", Map.of(LeadJourney.VAR_ACCEPT_DECISION,
                    LeadJourney.DECISION_ACCEPT));
            complete(alan, LeadJourney.TASK_FIRST_CONTACT, "rep-c", Map.of(LeadJourney.VAR_CONTACT_CHANNEL, "CALL",
                    LeadJourney.VAR_LEAD_REACHED, true, LeadJourney.VAR_CONTACT_NOTE, "Booked the discovery call"));
            log.info("Demo leads ready: log in to Tasklist as rep-a, rep-b or rep-c");
        } catch (RuntimeException e) {
            log.warn("Demo leads could not be completed: {}", e.getMessage(), e);
        }
    }

    private long capture(String email, String first, String last, String company, Integer employees,
                         String industry, String role, String country, String source, boolean wantsContact) {
        // Sales leads come with a number to call and a website; the student left only an address.
        String phone = company == null ? null
                : "+44 20 7946 " + String.format("%04d", Math.abs(email.hashCode() % 10_000));
        String website = company == null ? null : email.substring(email.indexOf('@') + 1);
        return intake.capture(new NewLead(email, first, last, company, employees, null, industry, "B2B", role,
                country, source, wantsContact, phone, website, role, null, null, null), DEMO_ACTOR).lead().getId();
    }

    /** Completes the lead's task as the rep it is assigned to, or as {@code rep} when it waits for a group. */
    private void complete(long leadId, String taskKey, String rep, Map<String, Object> variables) {
        Task task = awaitTask(leadId, taskKey);
        String user = task.getAssignee() != null ? task.getAssignee() : rep;
        history.completeAs(user, history.groupsOf(user), task, variables);
    }

    private Task awaitTask(long leadId, String taskKey) {
        Instant deadline = Instant.now().plus(WAIT_FOR_TASK);
        while (Instant.now().isBefore(deadline)) {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(leadId))
                    .taskDefinitionKey(taskKey).singleResult();
            if (task != null) {
                return task;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + taskKey, e);
            }
        }
        throw new IllegalStateException("Lead " + leadId + " did not reach " + taskKey + " within " + WAIT_FOR_TASK);
    }

    private void user(String id, String first, String last, String... groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(id + "@leadjourney.example");
            user.setPassword(id);
            identityService.saveUser(user);
            for (String group : groups) {
                identityService.createMembership(id, group);
            }
            log.info("Created demo user {} (password {})", id, id);
        }
    }
}
