package io.leadjourney.engagement;

/** The behaviours marketing systems report. Their points live in the {@code engagement-points} table. */
public enum EngagementType {
    FORM_SUBMITTED,
    EMAIL_OPENED,
    EMAIL_CLICKED,
    PRICING_PAGE_VISITED,
    BLOG_POST_READ,
    CONTENT_DOWNLOADED,
    TRIAL_STARTED,
    UNSUBSCRIBED
}
