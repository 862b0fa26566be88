package io.leadjourney.routing;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.leadjourney.decision.DecisionOutcome.stringOutput;

/**
 * Picks the rep for a sales-ready lead: the {@code lead-routing} table chooses a group of reps
 * (by company size band), and a persisted round robin chooses the rep inside the group.
 */
@Service
public class RoutingService {

    private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

    static final String OUT_GROUP = "repGroup";
    static final String OUT_BAND = "band";

    private final DecisionEvaluator decisions;
    private final LeadRepository leads;
    private final RepRepository reps;
    private final RoutingRotationRepository rotations;
    private final NotificationService notifications;
    private final Clock clock;

    RoutingService(DecisionEvaluator decisions, LeadRepository leads, RepRepository reps,
                   RoutingRotationRepository rotations, NotificationService notifications, Clock clock) {
        this.decisions = decisions;
        this.leads = leads;
        this.reps = reps;
        this.rotations = rotations;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Assigns the lead to the next available rep of its band and notifies that rep.
     *
     * @param excludedRep a rep who must not get it again (the one who let the acceptance SLA lapse), or null
     */
    @Transactional
    public Assignment assign(long leadId, String excludedRep) {
        Lead lead = leads.lock(leadId);
        Instant now = Instant.now(clock);

        Map<String, Object> inputs = new HashMap<>();
        inputs.put("employees", lead.getEmployees());
        DecisionOutcome outcome = decisions.evaluate(DecisionKeys.LEAD_ROUTING, inputs);
        Map<String, Object> rule = outcome.firstRule().orElseThrow(() -> new IllegalStateException(
                "The " + outcome.versionTag() + " table matched no rule for lead " + leadId
                        + "; it needs a last rule that matches every lead"));
        String group = stringOutput(rule, OUT_GROUP);
        String reason = stringOutput(rule, OUT_BAND) + " (" + outcome.versionTag() + ") -> group " + group;

        List<Rep> candidates = reps.findActiveInGroup(group).stream()
                .filter(rep -> !Objects.equals(rep.getUserId(), excludedRep))
                .toList();
        String skipped = excludedRep == null ? "" : "; skipped " + excludedRep + " (let the acceptance SLA lapse)";
        if (candidates.isEmpty()) {
            String why = reason + "; no active rep in the group" + skipped;
            lead.assignTo(null, group, why, now);
            log.warn("Lead {} not assigned: {}", leadId, why);
            return new Assignment(null, group, why);
        }

        RoutingRotation rotation = rotations.findForUpdate(group)
                .orElseGet(() -> rotations.save(new RoutingRotation(group, now)));
        long position = rotation.take(now);
        Rep rep = candidates.get((int) (position % candidates.size()));
        String why = reason + "; round robin turn " + (position + 1) + " over " + candidates.size()
                + " rep(s) -> " + rep.getUserId() + skipped;
        lead.assignTo(rep.getUserId(), group, why, now);
        notifications.notify(rep.getUserId(), "New lead to accept: " + lead.displayName(),
                "You have a new lead to accept: " + lead.displayName() + " (" + nullToDash(lead.getCompany())
                        + "), score " + lead.getTotalScore() + ". Routing: " + why, leadId);
        log.info("Lead {} assigned: {}", leadId, why);
        return new Assignment(rep.getUserId(), group, why);
    }

    /** Whether the user may take over leads: an active rep. Used when a manager reassigns by hand. */
    @Transactional(readOnly = true)
    public boolean isActiveRep(String userId) {
        return userId != null && reps.findById(userId).map(Rep::isActive).orElse(false);
    }

    /** Records a manager's hand reassignment on the lead and tells the new rep. */
    @Transactional
    public Assignment assignByHand(long leadId, String repId, String manager) {
        Lead lead = leads.lock(leadId);
        String why = "Reassigned by " + manager + " to " + repId;
        lead.assignTo(repId, lead.getAssignedGroup(), why, Instant.now(clock));
        notifications.notify(repId, "Lead reassigned to you: " + lead.displayName(), why, leadId);
        return new Assignment(repId, lead.getAssignedGroup(), why);
    }

    /** Adds a rep to the groups (bands) they take leads from; an existing rep keeps their record. */
    @Transactional
    public void registerRep(String userId, String displayName, String email, Set<String> groups) {
        if (reps.existsById(userId)) {
            return;
        }
        reps.save(new Rep(userId, displayName, email, groups));
        Instant now = Instant.now(clock);
        for (String group : groups) {
            if (!rotations.existsById(group)) {
                rotations.save(new RoutingRotation(group, now));
            }
        }
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }
}
