package io.leadjourney.portal;

import io.leadjourney.funnel.FunnelReport;
import io.leadjourney.funnel.FunnelService;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.routing.RepService;
import io.leadjourney.routing.RepView;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A manager's view of the team, one row per rep: the leads they hold now (open, due within a day, breached) from
 * the lead search, and how they worked the leads captured in a period (decisions, acceptance rate, speed to lead,
 * breaches) from the funnel, so both pages count alike.
 */
@Service
public class Team {

    private final RepService reps;
    private final LeadSearch search;
    private final FunnelService funnel;

    Team(RepService reps, LeadSearch search, FunnelService funnel) {
        this.reps = reps;
        this.search = search;
        this.funnel = funnel;
    }

    /**
     * @param open           leads waiting for the rep's acceptance or in their contact cadence
     * @param dueSoon        of those, the ones whose task falls due within 24 hours
     * @param breached       of those, the ones with an SLA breach on record
     * @param leads          leads of the period that went to the rep
     * @param acceptanceRate the rep's accepted / decided, of the period's leads; null without a decision
     * @param minutesToFirstContact median minutes from routing to the first contact attempt; null without one
     * @param within30Minutes share of first contacts within 30 minutes of routing; null without one
     * @param breaches       the period's acceptance and first-contact breaches
     */
    public record Row(String rep, String name, boolean active, List<String> bands, long open, long dueSoon,
                      long breached, long leads, Double acceptanceRate, Double minutesToFirstContact,
                      Double within30Minutes, long breaches) {
    }

    public record Report(LocalDate from, LocalDate to, List<Row> rows) {
    }

    public Report of(LocalDate from, LocalDate to) {
        FunnelReport report = funnel.report(from, to, FunnelService.GroupBy.REP.name());
        Map<String, FunnelReport.Segment> segments = report.segments().stream()
                .collect(Collectors.toMap(FunnelReport.Segment::key, Function.identity(), (a, b) -> a));
        Map<String, FunnelReport.RepSla> slas = report.reps().stream()
                .collect(Collectors.toMap(FunnelReport.RepSla::rep, Function.identity(), (a, b) -> a));
        List<Row> rows = reps.list().stream()
                .sorted(Comparator.comparing(RepView::active).reversed().thenComparing(RepView::userId))
                .map(rep -> row(rep, segments.get(rep.userId()), slas.get(rep.userId()))).toList();
        return new Report(from, to, rows);
    }

    private Row row(RepView rep, FunnelReport.Segment segment, FunnelReport.RepSla sla) {
        FunnelReport.SpeedToLead speed = segment == null ? null : segment.speedToLead();
        return new Row(rep.userId(), rep.displayName(), rep.active(),
                rep.groups().stream().filter(group -> group.startsWith("reps-")).sorted().toList(),
                count(rep.userId(), null), count(rep.userId(), SlaState.DUE_SOON),
                count(rep.userId(), SlaState.BREACHED), segment == null ? 0 : segment.leads(),
                segment == null ? null : segment.acceptanceRate(),
                speed == null ? null : speed.minutes().median(), speed == null ? null : speed.within30Minutes(),
                sla == null ? 0 : sla.acceptBreaches() + sla.firstContactBreaches());
    }

    private long count(String rep, SlaState sla) {
        LeadSearchCriteria criteria = new LeadSearchCriteria(null, List.of(LeadStage.MQL, LeadStage.SAL), rep, null,
                null, null, null, null, null, null, null, null, sla, null, 0, 1);
        return search.search(criteria, Audience.Scope.all(false)).total();
    }
}
