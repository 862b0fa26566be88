package io.leadjourney.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadNotFoundException;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.opportunity.DealClosed;
import io.leadjourney.opportunity.DealOutcome;
import io.leadjourney.opportunity.LeadHandedOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the outbox: when a lead becomes an SQL or its deal is won or lost, one row per configured target, in the
 * transaction that made it so, and starts the journey that delivers it. A hand-off that happens again (a retried
 * step) finds its rows and adds none.
 */
@Service
class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

    private final WebhookProperties properties;
    private final WebhookDeliveryRepository deliveries;
    private final LeadRepository leads;
    private final WebhookDeliveryStarter starter;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookOutbox(WebhookProperties properties, WebhookDeliveryRepository deliveries, LeadRepository leads,
                  WebhookDeliveryStarter starter, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.deliveries = deliveries;
        this.leads = leads;
        this.starter = starter;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void handedOff(LeadHandedOff event) {
        Map<String, Object> opportunity = new LinkedHashMap<>();
        opportunity.put("id", event.opportunityId());
        opportunity.put("estimatedValue", event.estimatedValue());
        opportunity.put("temperature", event.temperature());
        enqueue(WebhookEvent.LEAD_SQL, event.leadId(), opportunity);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void closed(DealClosed event) {
        Map<String, Object> opportunity = new LinkedHashMap<>();
        opportunity.put("id", event.opportunityId());
        opportunity.put("outcome", event.outcome());
        opportunity.put("value", event.value());
        opportunity.put("currency", event.currency());
        opportunity.put("closedOn", event.closedOn());
        opportunity.put("lostReason", event.lostReason());
        enqueue(event.outcome() == DealOutcome.WON ? WebhookEvent.DEAL_WON : WebhookEvent.DEAL_LOST, event.leadId(),
                opportunity);
    }

    private void enqueue(WebhookEvent type, long leadId, Map<String, Object> opportunity) {
        if (properties.targets().isEmpty()) {
            return;
        }
        Lead lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        Instant now = Instant.now(clock);
        for (WebhookProperties.Target target : properties.targets()) {
            if (deliveries.existsByEventTypeAndLeadIdAndTargetName(type, leadId, target.name())) {
                continue;
            }
            String deliveryId = WebhookDelivery.newDeliveryId();
            WebhookDelivery delivery = deliveries.save(new WebhookDelivery(type, leadId, target, deliveryId,
                    payload(deliveryId, type, lead, opportunity, now), now));
            starter.start(delivery);
            log.info("Lead {}: {} queued for {} as delivery {}", leadId, type.wireName(), target, deliveryId);
        }
    }

    private String payload(String deliveryId, WebhookEvent type, Lead lead, Map<String, Object> opportunity,
                           Instant now) {
        Map<String, Object> leadPart = new LinkedHashMap<>();
        leadPart.put("id", lead.getId());
        leadPart.put("email", lead.getEmail());
        leadPart.put("firstName", lead.getFirstName());
        leadPart.put("lastName", lead.getLastName());
        leadPart.put("company", lead.getCompany());
        leadPart.put("employees", lead.getEmployees());
        leadPart.put("industry", lead.getIndustry());
        leadPart.put("role", lead.getRole());
        leadPart.put("country", lead.getCountry());
        leadPart.put("source", lead.getSource());
        leadPart.put("score", lead.getTotalScore());
        leadPart.put("grade", lead.getGrade());
        leadPart.put("assignedRep", lead.getAssignedRep());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", deliveryId);
        body.put("event", type.wireName());
        body.put("occurredAt", now);
        body.put("lead", leadPart);
        body.put("opportunity", opportunity);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The " + type.wireName() + " payload of lead " + lead.getId()
                    + " cannot be written as JSON", e);
        }
    }
}
