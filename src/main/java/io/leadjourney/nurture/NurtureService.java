package io.leadjourney.nurture;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.lead.LeadStageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.leadjourney.decision.DecisionOutcome.stringOutput;

/** Sends leads that are not ready back to marketing's nurture tracks, and lets silent ones go dormant. */
@Service
public class NurtureService {

    /** The reason a lead enters nurture without sales having seen it: it never became an MQL. */
    public static final String REASON_NOT_MQL = "NOT_MQL";
    static final String OUT_TRACK = "track";
    static final String DEFAULT_TRACK = "general";

    private final NurtureEnrollmentRepository enrollments;
    private final LeadRepository leads;
    private final LeadStageService stages;
    private final DecisionEvaluator decisions;
    private final Clock clock;

    NurtureService(NurtureEnrollmentRepository enrollments, LeadRepository leads, LeadStageService stages,
                   DecisionEvaluator decisions, Clock clock) {
        this.enrollments = enrollments;
        this.leads = leads;
        this.stages = stages;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Moves the lead to NURTURE, counts the recycle and enrolls it in the track the {@code nurture-track}
     * table picks for its segment. A lead sales sent back has had its hand-raise decided on: it comes back only
     * for activity after this moment.
     *
     * @return the track
     */
    @Transactional
    public String enroll(long leadId, String reason, String by) {
        Lead lead = leads.lock(leadId);
        Instant now = Instant.now(clock);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("employees", lead.getEmployees());
        String track = decisions.evaluate(DecisionKeys.NURTURE_TRACK, inputs).firstRule()
                .map(rule -> stringOutput(rule, OUT_TRACK)).orElse(DEFAULT_TRACK);
        enrollments.findFirstByLeadIdAndEndedAtIsNullOrderByIdDesc(leadId)
                .ifPresent(open -> open.end(NurtureEnrollment.OUTCOME_REENGAGED, now));
        enrollments.save(new NurtureEnrollment(leadId, track, reason, now));
        lead.countRecycle(now);
        if (!REASON_NOT_MQL.equals(reason)) {
            lead.handRaiseHandled(now);
        }
        stages.moveTo(leadId, LeadStage.NURTURE, by, reason);
        return track;
    }

    /** When the lead's current stay in nurture began, if it is in one. */
    @Transactional(readOnly = true)
    public Optional<Instant> nurturedSince(long leadId) {
        return enrollments.findFirstByLeadIdAndEndedAtIsNullOrderByIdDesc(leadId).map(NurtureEnrollment::getEnrolledAt);
    }

    /** The lead re-engaged: its stay in nurture is over. */
    @Transactional
    public void endForReengagement(long leadId) {
        enrollments.findFirstByLeadIdAndEndedAtIsNullOrderByIdDesc(leadId)
                .ifPresent(open -> open.end(NurtureEnrollment.OUTCOME_REENGAGED, Instant.now(clock)));
    }

    /** The inactivity timer ran out: stop spending effort on the lead until it wakes up. */
    @Transactional
    public void markDormant(long leadId, String reason) {
        enrollments.findFirstByLeadIdAndEndedAtIsNullOrderByIdDesc(leadId)
                .ifPresent(open -> open.end(NurtureEnrollment.OUTCOME_DORMANT, Instant.now(clock)));
        stages.moveTo(leadId, LeadStage.DORMANT, "system", reason);
    }
}
