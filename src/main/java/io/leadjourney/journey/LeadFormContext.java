package io.leadjourney.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.engagement.EngagementEvent;
import io.leadjourney.engagement.EngagementEventRepository;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadFields;
import io.leadjourney.lead.LeadNotFoundException;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.routing.RoutingService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a rep needs to see in a form to decide: who the lead is, its score and why, and what it did lately. */
@Component
class LeadFormContext {

    static final int RECENT_ACTIVITY_SHOWN = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final LeadRepository leads;
    private final EngagementEventRepository events;
    private final RoutingService routing;
    private final LeadFields fields;
    private final ObjectMapper json;

    LeadFormContext(LeadRepository leads, EngagementEventRepository events, RoutingService routing,
                    LeadFields fields, ObjectMapper json) {
        this.fields = fields;
        this.leads = leads;
        this.events = events;
        this.routing = routing;
        this.json = json;
    }

    /**
     * The Reassign form's choice of reps, as form-js reads a list from a JSON variable: "Rep B (rep-b)" and the user
     * id of each active rep.
     */
    public String activeReps() {
        List<Map<String, String>> options = routing.activeReps().stream()
                .map(rep -> Map.of("label", rep.getDisplayName() + " (" + rep.getUserId() + ")",
                        "value", rep.getUserId()))
                .toList();
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** What a task's Tasklist card shows of its lead (task-local variables, the filters' columns). */
    @Transactional(readOnly = true)
    public Map<String, Object> cardOf(long leadId) {
        Lead lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        Map<String, Object> card = new HashMap<>();
        card.put(LeadJourney.VAR_CARD_LEAD, lead.displayName());
        card.put(LeadJourney.VAR_CARD_COMPANY, lead.getCompany());
        card.put(LeadJourney.VAR_CARD_SCORE, lead.getTotalScore());
        return card;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> of(long leadId) {
        Lead lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        Map<String, Object> context = new HashMap<>();
        context.put(LeadJourney.VAR_LEAD_NAME, lead.displayName());
        context.put(LeadJourney.VAR_EMAIL, lead.getEmail());
        context.put(LeadJourney.VAR_COMPANY, lead.getCompany());
        context.put(LeadJourney.VAR_EMPLOYEES, lead.getEmployees());
        context.put(LeadJourney.VAR_ROLE, lead.getRole());
        context.put(LeadJourney.VAR_INDUSTRY, lead.getIndustry());
        context.put(LeadJourney.VAR_COUNTRY, lead.getCountry());
        context.put(LeadJourney.VAR_SOURCE, lead.getSource());
        context.put(LeadJourney.VAR_PHONE, lead.getPhone() == null ? "No phone number given" : lead.getPhone());
        context.put(LeadJourney.VAR_WEBSITE, lead.getWebsite());
        context.put(LeadJourney.VAR_JOB_TITLE, lead.getJobTitle());
        context.put(LeadJourney.VAR_PURCHASE_TIMING, lead.getPurchaseTiming());
        context.put(LeadJourney.VAR_STATED_PROBLEM, lead.getProblem());
        context.put(LeadJourney.VAR_USERS, lead.getUsers());
        context.put(LeadJourney.VAR_OTHER_DETAILS, fields.describe(lead));
        context.put(LeadJourney.VAR_SCORE, lead.getTotalScore());
        context.put(LeadJourney.VAR_FIT_SCORE, lead.getFitScore());
        context.put(LeadJourney.VAR_ENGAGEMENT_SCORE, lead.getEngagementScore());
        context.put(LeadJourney.VAR_GRADE, lead.getGrade());
        context.put(LeadJourney.VAR_SCORE_RECEIPT, lead.getScoreReasons());
        context.put(LeadJourney.VAR_ROUTING_REASON, lead.getRoutingReason());
        String activity = events.findByLeadIdOrderByOccurredAtDesc(leadId, PageRequest.of(0, RECENT_ACTIVITY_SHOWN))
                .stream()
                .map(LeadFormContext::describe)
                .collect(Collectors.joining("\n"));
        context.put(LeadJourney.VAR_RECENT_ACTIVITY, activity.isEmpty() ? "No recorded activity yet" : activity);
        return context;
    }

    private static String describe(EngagementEvent event) {
        String type = event.getEventType().replace('_', ' ').toLowerCase();
        return WHEN.format(event.getOccurredAt()) + "  " + Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }
}
