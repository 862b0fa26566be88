package io.leadjourney.routing;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadFields;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.notification.NotificationService;
import io.leadjourney.sla.SlaCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.leadjourney.decision.DecisionOutcome.stringOutput;

/**
 * Picks the rep for a sales-ready lead. The {@code lead-routing} table chooses a group of reps (by territory,
 * estimated deal value, company-size band and score); inside the group a persisted round robin, shared by every
 * node and kept across restarts, chooses the rep. Reps who are away or already at their limit of open leads
 * are skipped, and reps who win more of their deals can get more turns. Every assignment says why, in words,
 * on the lead. The turn is taken in a short transaction of its own ({@link RotationTurns}), so the leads of a
 * group are routed side by side.
 */
@Service
public class RoutingService {

    private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

    static final String OUT_GROUP = "repGroup";
    static final String OUT_BAND = "band";
    static final String OUT_WEIGH_BY_WIN_RATE = "weighByWinRate";
    /** Turns per round of a rep with an average win rate, when win rates count. */
    static final int AVERAGE_TURNS = 10;

    private final DecisionEvaluator decisions;
    private final LeadRepository leads;
    private final RepRepository reps;
    private final RepAbsenceRepository absences;
    private final RoutingRotationRepository rotations;
    private final RotationTurns turns;
    private final WinRates winRates;
    private final NotificationService notifications;
    private final SlaCalendar calendar;
    private final Clock clock;
    private final LeadFields leadFields;

    RoutingService(DecisionEvaluator decisions, LeadRepository leads, LeadFields leadFields, RepRepository reps,
                   RepAbsenceRepository absences, RoutingRotationRepository rotations, RotationTurns turns,
                   WinRates winRates, NotificationService notifications,
                   SlaCalendar calendar, Clock clock) {
        this.decisions = decisions;
        this.leads = leads;
        this.leadFields = leadFields;
        this.reps = reps;
        this.absences = absences;
        this.rotations = rotations;
        this.turns = turns;
        this.winRates = winRates;
        this.notifications = notifications;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Assigns the lead to the next available rep of its group and notifies that rep.
     *
     * @param excludedRep a rep who must not get it again (the one who let the acceptance SLA lapse), or null
     */
    @Transactional
    public Assignment assign(long leadId, String excludedRep) {
        Lead lead = leads.lock(leadId);
        Instant now = Instant.now(clock);

        DecisionOutcome rule = routingRule(lead);
        Map<String, Object> chosen = rule.firstRule().orElseThrow(() -> new IllegalStateException(
                "The " + rule.versionTag() + " table matched no rule for lead " + leadId
                        + "; it needs a last rule that matches every lead"));
        String group = stringOutput(chosen, OUT_GROUP);
        String reason = stringOutput(chosen, OUT_BAND) + " (" + rule.versionTag() + ") -> group " + group;

        List<Rep> members = reps.findActiveInGroup(group);
        List<String> skipped = new ArrayList<>();
        List<Rep> candidates = available(members, excludedRep, skipped);
        String skippedText = skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped);
        if (candidates.isEmpty()) {
            String why = reason + "; no rep of the group is available" + skippedText
                    + "; the group's reps and managers see the task";
            lead.assignTo(null, group, why, now);
            log.warn("Lead {} not assigned: {}", leadId, why);
            return new Assignment(null, group, why);
        }

        long position = turns.next(group, now);
        List<Rotation.Turns> shares = shares(group, candidates);
        String repId = Rotation.pick(shares, position);
        String why = reason + "; round robin turn " + (position + 1) + " over " + candidates.size()
                + " available rep(s)" + weighting(shares) + " -> " + repId + skippedText;
        lead.assignTo(repId, group, why, now);
        notifications.notify(repId, "New lead to accept: " + lead.displayName(),
                "You have a new lead to accept: " + lead.displayName() + " (" + nullToDash(lead.getCompany())
                        + "), score " + lead.getTotalScore() + ". Routing: " + why, leadId);
        log.debug("Lead {} assigned: {}", leadId, why);
        return new Assignment(repId, group, why);
    }

    private DecisionOutcome routingRule(Lead lead) {
        return decisions.evaluate(DecisionKeys.LEAD_ROUTING, routingInputs(lead.getCountry(), lead.getEmployees(),
                lead.getTotalScore(), lead.getCustomFields()));
    }

    /**
     * The band {@code lead-routing.dmn} puts a lead with these facts in, such as "Companies with 11-50 employees":
     * the funnel's segments, so they are the routing table's bands and never a copy of them.
     *
     * @param customFields the lead's declared fields as stored ({@code lead.custom_fields}), or null
     */
    public String band(String country, Integer employees, int totalScore, String customFields) {
        DecisionOutcome rule = decisions.evaluate(DecisionKeys.LEAD_ROUTING, routingInputs(country, employees,
                totalScore, customFields));
        return rule.firstRule().map(chosen -> stringOutput(chosen, OUT_BAND)).orElse("(no band)");
    }

    private Map<String, Object> routingInputs(String country, Integer employees, int totalScore,
                                              String customFields) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("country", country == null ? null : country.trim().toLowerCase(Locale.ROOT));
        inputs.put("employees", employees);
        inputs.put("totalScore", totalScore);
        leadFields.inputsOf(customFields).forEach((name, value) -> inputs.put(name, value instanceof String text
                ? text.trim().toLowerCase(Locale.ROOT) : value));
        return inputs;
    }

    /** The members who can take a lead now; the others are added to {@code skipped} with the reason. */
    /**
     * Who would get the group's next lead if it came now, and who would be skipped and why; nothing is taken (the
     * round robin stays where it is). A lead that came before it could take that turn.
     *
     * @param rep the rep next in line, or null when no rep of the group is available (the managers reassign)
     */
    public record NextInLine(String group, String rep, List<String> skipped) {
    }

    @Transactional(readOnly = true)
    public NextInLine nextInLine(String group) {
        List<String> skipped = new ArrayList<>();
        List<Rep> candidates = available(reps.findActiveInGroup(group), null, skipped);
        if (candidates.isEmpty()) {
            return new NextInLine(group, null, skipped);
        }
        long position = rotations.findById(group).map(RoutingRotation::getNextPosition).orElse(0L);
        return new NextInLine(group, Rotation.pick(shares(group, candidates), position), skipped);
    }

    private List<Rep> available(List<Rep> members, String excludedRep, List<String> skipped) {
        List<String> ids = members.stream().map(Rep::getUserId).toList();
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        Map<String, LocalDate> awayUntil = new HashMap<>();
        Map<String, Long> open = new HashMap<>();
        if (!ids.isEmpty()) {
            absences.findCovering(ids, today).forEach(absence -> awayUntil.merge(absence.getRepId(),
                    absence.getLastDay(), (a, b) -> a.isAfter(b) ? a : b));
            leads.countOpenByRep(ids, LeadStage.OPEN).forEach(row -> open.put((String) row[0], (Long) row[1]));
        }
        List<Rep> candidates = new ArrayList<>();
        for (Rep rep : members) {
            String id = rep.getUserId();
            long openLeads = open.getOrDefault(id, 0L);
            if (id.equals(excludedRep)) {
                skipped.add(id + " (let the acceptance SLA lapse)");
            } else if (awayUntil.containsKey(id)) {
                skipped.add(id + " (away until " + awayUntil.get(id) + ")");
            } else if (rep.getMaxOpenLeads() != null && openLeads >= rep.getMaxOpenLeads()) {
                skipped.add(id + " (at capacity: " + openLeads + " of " + rep.getMaxOpenLeads() + " open leads)");
            } else {
                candidates.add(rep);
            }
        }
        return candidates;
    }

    /**
     * Turns per round: equal, unless {@code round-robin-weighting.dmn} says win rates count for the group and its
     * closed deals. Then a rep's turns follow their smoothed win rate ({@code (won + 1) / (closed + 2)}), so a rep
     * without outcomes is average.
     */
    private List<Rotation.Turns> shares(String group, List<Rep> candidates) {
        List<String> ids = candidates.stream().map(Rep::getUserId).toList();
        if (ids.size() == 1) {
            return List.of(new Rotation.Turns(ids.get(0), 1));
        }
        Map<String, WinRates.Closed> outcomes = winRates.of(ids);
        long closed = outcomes.values().stream().mapToLong(WinRates.Closed::closed).sum();
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("repGroup", group);
        inputs.put("closedDeals", closed);
        DecisionOutcome weighting = decisions.evaluate(DecisionKeys.ROUND_ROBIN_WEIGHTING, inputs);
        boolean weighted = weighting.firstRule().map(rule -> Boolean.TRUE.equals(rule.get(OUT_WEIGH_BY_WIN_RATE)))
                .orElse(false);
        return ids.stream().map(id -> {
            if (!weighted) {
                return new Rotation.Turns(id, 1);
            }
            WinRates.Closed counts = outcomes.getOrDefault(id, WinRates.Closed.NONE);
            double smoothed = (counts.won() + 1.0) / (counts.closed() + 2.0);
            return new Rotation.Turns(id, Math.max(1, (int) Math.round(2 * AVERAGE_TURNS * smoothed)));
        }).toList();
    }

    private static String weighting(List<Rotation.Turns> turns) {
        if (turns.stream().allMatch(rep -> rep.turns() == 1)) {
            return "";
        }
        return ", weighted by win rate (" + turns.stream().map(rep -> rep.repId() + " " + rep.turns())
                .collect(Collectors.joining(", ")) + " turns per round)";
    }

    /** Whether the user may take over leads: an active rep. Used when a manager reassigns by hand. */
    @Transactional(readOnly = true)
    public boolean isActiveRep(String userId) {
        return userId != null && reps.findById(userId).map(Rep::isActive).orElse(false);
    }

    /** The reps who may take over leads, for a manager's choice. */
    @Transactional(readOnly = true)
    public List<Rep> activeReps() {
        return reps.findByActiveTrueOrderByUserId();
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
