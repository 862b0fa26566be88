package io.leadjourney.support;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters of what the application did, for {@code /actuator/prometheus}. A count made inside a transaction is
 * added only when that transaction commits, so a rolled-back step counts nothing.
 */
@Component
public class LeadJourneyMetrics {

    /** Stage changes, tagged {@code to}: MQLs and SQLs created are {@code to="MQL"} and {@code to="SQL"}. */
    public static final String STAGE_TRANSITIONS = "leadjourney.stage.transitions";
    /** Engagement events stored, tagged {@code via} (single, batch). */
    public static final String EVENTS_INGESTED = "leadjourney.events.ingested";
    /** SLA breaches recorded, tagged {@code sla}. */
    public static final String SLA_BREACHES = "leadjourney.sla.breaches";

    private final MeterRegistry registry;

    public LeadJourneyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Adds {@code amount} to the counter once the current transaction commits (at once outside one). */
    public void count(String name, double amount, String... tags) {
        if (amount <= 0) {
            return;
        }
        AfterCommit.run(() -> registry.counter(name, tags).increment(amount));
    }
}
