package io.leadjourney.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;

/**
 * A captured contact on its way from marketing to sales.
 * Only changed columns are written ({@link DynamicUpdate}), so a score update and a stage change that
 * happen side by side do not overwrite each other. The score columns are written by scoring alone.
 */
@Entity
@Table(name = "lead")
@DynamicUpdate
public class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;
    private String firstName;
    private String lastName;
    private String company;
    private Integer employees;
    private Long annualRevenue;
    private String industry;
    private String businessModel;
    @Column(name = "job_role")
    private String role;
    private String country;
    private String source;
    private boolean wantsContact;
    private String phone;
    private String website;
    private String jobTitle;
    private String purchaseTiming;
    @Column(name = "stated_problem")
    private String problem;
    private Integer users;
    /** The values of the fields {@code lead-fields.dmn} declares, as a JSON object ({@link LeadFields}). */
    private String customFields;
    private Instant handRaisedAt;
    private Instant handRaiseHandledAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStage stage = LeadStage.LEAD;

    // The score columns belong to scoring, which writes them in batches (ScoringService); JPA only reads them,
    // and {@link #applyScore} keeps this object in step within the transaction.
    @Column(insertable = false, updatable = false)
    private int fitScore;
    @Column(insertable = false, updatable = false)
    private int engagementScore;
    @Column(insertable = false, updatable = false)
    private int totalScore;
    @Column(insertable = false, updatable = false)
    private String grade;
    @Column(insertable = false, updatable = false)
    private boolean qualified;
    @Column(insertable = false, updatable = false)
    private String scoreReasons;
    @Column(insertable = false, updatable = false)
    private String scoreVersions;
    @Column(insertable = false, updatable = false)
    private Instant scoredAt;
    /** Per event type: count and summed decay weight as of {@link #tallyAsOf}; kept by scoring. */
    @Column(insertable = false, updatable = false)
    private String engagementTally;
    @Column(insertable = false, updatable = false)
    private Instant tallyAsOf;
    /** How the tally was weighted (the decay settings); null until it is built from the lead's events. */
    @Column(insertable = false, updatable = false)
    private String tallyBasis;

    private String assignedRep;
    private String assignedGroup;
    private String routingReason;
    private int recycleCount;

    private Instant createdAt;
    private Instant updatedAt;

    protected Lead() {
    }

    public Lead(String email, Instant now) {
        this.email = email;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A name sales can address: "First Last", or the e-mail when no name was given. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }

    public boolean hasName() {
        return notBlank(firstName) || notBlank(lastName);
    }

    public boolean hasCompany() {
        return notBlank(company);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    void moveTo(LeadStage newStage, Instant now) {
        this.stage = newStage;
        this.updatedAt = now;
    }

    /** The new score, in this object; scoring stores it ({@code ScoringService}). */
    public void applyScore(int fit, int engagement, int total, String grade, boolean qualified,
                           String reasons, String versions, Instant now) {
        this.fitScore = fit;
        this.engagementScore = engagement;
        this.totalScore = total;
        this.grade = grade;
        this.qualified = qualified;
        this.scoreReasons = reasons;
        this.scoreVersions = versions;
        this.scoredAt = now;
    }

    /** The lead's engagement tally as of a moment, weighted under a basis; scoring stores it with the score. */
    public void tallied(String tally, Instant asOf, String basis) {
        this.engagementTally = tally;
        this.tallyAsOf = asOf;
        this.tallyBasis = basis;
    }

    public void assignTo(String rep, String group, String reason, Instant now) {
        this.assignedRep = rep;
        this.assignedGroup = group;
        this.routingReason = reason;
        this.updatedAt = now;
    }

    public void countRecycle(Instant now) {
        this.recycleCount++;
        this.updatedAt = now;
    }

    /** Takes what a (cleaned) form says; what it leaves out keeps its earlier value. */
    public void updateProfile(NewLead form, Instant now) {
        if (form.firstName() != null) this.firstName = form.firstName();
        if (form.lastName() != null) this.lastName = form.lastName();
        if (form.company() != null) this.company = form.company();
        if (form.employees() != null) this.employees = form.employees();
        if (form.annualRevenue() != null) this.annualRevenue = form.annualRevenue();
        if (form.industry() != null) this.industry = form.industry();
        if (form.businessModel() != null) this.businessModel = form.businessModel();
        if (form.role() != null) this.role = form.role();
        if (form.country() != null) this.country = form.country();
        if (form.source() != null) this.source = form.source();
        if (form.phone() != null) this.phone = form.phone();
        if (form.website() != null) this.website = form.website();
        if (form.jobTitle() != null) this.jobTitle = form.jobTitle();
        if (form.purchaseTiming() != null) this.purchaseTiming = form.purchaseTiming();
        if (form.problem() != null) this.problem = form.problem();
        if (form.users() != null) this.users = form.users();
        // A hand-raise is never taken back by a later form that left the box unticked.
        if (Boolean.TRUE.equals(form.wantsContact())) {
            this.wantsContact = true;
            this.handRaisedAt = now;
        }
        this.updatedAt = now;
    }

    public void customFields(String json) {
        this.customFields = json;
    }

    public String getCustomFields() { return customFields; }
    public Long getId() { return id; }
    public String getEmail() { return email; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getCompany() { return company; }
    public Integer getEmployees() { return employees; }
    public Long getAnnualRevenue() { return annualRevenue; }
    public String getIndustry() { return industry; }
    public String getBusinessModel() { return businessModel; }
    public String getRole() { return role; }
    public String getCountry() { return country; }
    public String getSource() { return source; }
    public boolean isWantsContact() { return wantsContact; }
    public String getPhone() { return phone; }
    public String getWebsite() { return website; }
    public String getJobTitle() { return jobTitle; }
    public String getPurchaseTiming() { return purchaseTiming; }
    public String getProblem() { return problem; }
    public Integer getUsers() { return users; }

    /**
     * Whether the lead asked to be contacted and sales has not yet decided on that request: a hand-raise counts
     * once per journey. A lead sent back to nurture is not an MQL again for the same hand-raise, only for new
     * activity or a new hand-raise on a later form.
     */
    public boolean isHandRaisePending() {
        return wantsContact && (handRaiseHandledAt == null
                || (handRaisedAt != null && handRaisedAt.isAfter(handRaiseHandledAt)));
    }

    /** Sales decided on the lead's hand-raise (sent it back to nurture): it no longer makes the lead an MQL. */
    public void handRaiseHandled(Instant now) {
        this.handRaiseHandledAt = now;
        this.updatedAt = now;
    }

    public Instant getHandRaisedAt() { return handRaisedAt; }
    public LeadStage getStage() { return stage; }
    public int getFitScore() { return fitScore; }
    public int getEngagementScore() { return engagementScore; }
    public int getTotalScore() { return totalScore; }
    public String getGrade() { return grade; }
    public boolean isQualified() { return qualified; }
    public String getScoreReasons() { return scoreReasons; }
    public String getScoreVersions() { return scoreVersions; }
    public Instant getScoredAt() { return scoredAt; }
    public String getEngagementTally() { return engagementTally; }
    public Instant getTallyAsOf() { return tallyAsOf; }
    public String getTallyBasis() { return tallyBasis; }
    public String getAssignedRep() { return assignedRep; }
    public String getAssignedGroup() { return assignedGroup; }
    public String getRoutingReason() { return routingReason; }
    public int getRecycleCount() { return recycleCount; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
