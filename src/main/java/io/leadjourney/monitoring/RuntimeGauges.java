package io.leadjourney.monitoring;

import io.leadjourney.engine.SystemAuthentication;
import io.leadjourney.journey.LeadJourney;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.sla.AcceptanceRateWatch;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gauges of how things stand, for {@code /actuator/prometheus}: leads per stage, the acceptance rate over the
 * trailing window, open incidents (SLA breaches and failed jobs) and the job executor's backlog. They are
 * refreshed every 30 seconds rather than queried on every scrape.
 */
@Component
public class RuntimeGauges {

    private static final String LEADS_BY_STAGE = "select stage, count(*) from lead group by stage";

    private final JdbcTemplate jdbc;
    private final AcceptanceRateWatch acceptance;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final SystemAuthentication system;
    private final Map<LeadStage, AtomicLong> leads = new EnumMap<>(LeadStage.class);
    private final AtomicReference<Double> acceptanceRate = new AtomicReference<>(Double.NaN);
    private final AtomicLong breachIncidents = new AtomicLong();
    private final AtomicLong otherIncidents = new AtomicLong();
    private final AtomicLong executableJobs = new AtomicLong();

    RuntimeGauges(JdbcTemplate jdbc, AcceptanceRateWatch acceptance, RuntimeService runtime,
                  ManagementService management, SystemAuthentication system, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.acceptance = acceptance;
        this.runtime = runtime;
        this.management = management;
        this.system = system;
        for (LeadStage stage : LeadStage.values()) {
            AtomicLong count = new AtomicLong();
            leads.put(stage, count);
            Gauge.builder("leadjourney.leads", count, AtomicLong::get).tag("stage", stage.name())
                    .description("Leads in each stage").register(registry);
        }
        Gauge.builder("leadjourney.acceptance.rate", acceptanceRate, AtomicReference::get)
                .description("MQLs accepted / MQLs decided on, over the trailing acceptance window")
                .register(registry);
        Gauge.builder("leadjourney.incidents.open", breachIncidents, AtomicLong::get)
                .tag("type", LeadJourney.INCIDENT_SLA_BREACH).description("Open incidents").register(registry);
        Gauge.builder("leadjourney.incidents.open", otherIncidents, AtomicLong::get).tag("type", "other")
                .description("Open incidents").register(registry);
        Gauge.builder("leadjourney.jobs.executable", executableJobs, AtomicLong::get)
                .description("Jobs due and waiting for the job executor (its backlog)").register(registry);
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 10_000)
    public void refresh() {
        Map<String, Long> byStage = new java.util.HashMap<>();
        jdbc.query(LEADS_BY_STAGE, row -> {
            byStage.put(row.getString(1), row.getLong(2));
        });
        leads.forEach((stage, count) -> count.set(byStage.getOrDefault(stage.name(), 0L)));
        Double rate = acceptance.measure().rate();
        acceptanceRate.set(rate == null ? Double.NaN : rate);
        system.run(() -> {
            long breaches = runtime.createIncidentQuery().incidentType(LeadJourney.INCIDENT_SLA_BREACH).count();
            breachIncidents.set(breaches);
            otherIncidents.set(runtime.createIncidentQuery().count() - breaches);
            executableJobs.set(management.createJobQuery().executable().count());
        });
    }
}
