package io.leadjourney.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead as the API answers it: profile, stage, scores with their receipt, assignment, timeline, and the
 * opportunity it became once handed to sales (null before).
 */
public record LeadView(
        Long id, String email, String firstName, String lastName, String company, Integer employees,
        Long annualRevenue, String industry, String businessModel, String role, String country, String source,
        boolean wantsContact, String phone, String website, String jobTitle, String purchaseTiming, String problem,
        Integer users, Map<String, Object> customFields,
        LeadStage stage, int score, int fitScore, int engagementScore, String grade, boolean qualified,
        String scoreReceipt, String scoreVersions, String assignedRep, String assignedGroup, String routingReason,
        int recycleCount, Instant createdAt, List<Transition> timeline, SalesOpportunity opportunity) {

    /** One stage change: from, to, at, by, reason. */
    public record Transition(LeadStage from, LeadStage to, Instant at, String by, String reason) {
    }

    static LeadView of(Lead lead, Map<String, Object> customFields, List<StageTransition> transitions,
                       SalesOpportunity opportunity) {
        return new LeadView(lead.getId(), lead.getEmail(), lead.getFirstName(), lead.getLastName(),
                lead.getCompany(), lead.getEmployees(), lead.getAnnualRevenue(), lead.getIndustry(),
                lead.getBusinessModel(), lead.getRole(), lead.getCountry(),
                lead.getSource(), lead.isWantsContact(), lead.getPhone(), lead.getWebsite(), lead.getJobTitle(),
                lead.getPurchaseTiming(), lead.getProblem(), lead.getUsers(), customFields, lead.getStage(), lead.getTotalScore(), lead.getFitScore(),
                lead.getEngagementScore(), lead.getGrade(), lead.isQualified(), lead.getScoreReasons(),
                lead.getScoreVersions(), lead.getAssignedRep(), lead.getAssignedGroup(), lead.getRoutingReason(),
                lead.getRecycleCount(), lead.getCreatedAt(),
                transitions.stream().map(t -> new Transition(t.getFromStage(), t.getToStage(), t.getChangedAt(),
                        t.getChangedBy(), t.getReason())).toList(), opportunity);
    }
}
