package io.leadjourney.opportunity;

import java.math.BigDecimal;

/**
 * Published (as a Spring application event, after commit) when a lead becomes an SQL, for outbound
 * integrations such as a CRM webhook.
 */
public record LeadHandedOff(long leadId, long opportunityId, BigDecimal estimatedValue, String temperature) {
}
