package io.leadjourney.funnel;

import io.leadjourney.funnel.FunnelReport.Segment;
import io.leadjourney.funnel.FunnelReport.Spread;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The funnel as CSV for spreadsheets: one row for all leads, then one per segment, with the same figures as the
 * JSON. Comma separated, a header row, fields quoted when they need to be.
 */
final class FunnelCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> HEADER = List.of("segment", "leads", "mqls", "sals", "sqls", "won", "lost",
            "rejected", "recycled", "dormant", "disqualified", "leadToMql", "mqlToSal", "salToSql", "sqlToWon",
            "leadToWon", "acceptanceRate", "winRate", "averageDealValue", "hoursToAcceptMedian", "hoursToAcceptP90",
            "hoursToFirstContactMedian", "hoursToFirstContactP90", "daysToSqlMedian", "daysToSqlP90",
            "daysInSalMedian", "daysInSalP90",
            "rejectReasons", "speedToLeadMinutesMedian", "speedToLeadMinutesP90", "speedToLeadWithin30Minutes",
            "speedToLeadWithinOneWorkingDay", "speedToLeadWithinSla");

    private FunnelCsv() {
    }

    static String of(FunnelReport report) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        List<Segment> rows = new ArrayList<>();
        rows.add(report.total());
        rows.addAll(report.segments());
        for (Segment s : rows) {
            List<Object> values = new ArrayList<>(List.of(s.key(), s.leads(), s.mqls(), s.sals(), s.sqls(), s.won(),
                    s.lost(), s.rejected(), s.recycled(), s.dormant(), s.disqualified()));
            s.conversion().values().forEach(values::add);
            values.add(s.acceptanceRate());
            values.add(s.winRate());
            values.add(s.averageDealValue());
            addSpread(values, s.hoursToAccept());
            addSpread(values, s.hoursToFirstContact());
            addSpread(values, s.daysToSql());
            addSpread(values, s.daysInSal());
            values.add(s.rejectReasons().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
            addSpread(values, s.speedToLead().minutes());
            values.add(s.speedToLead().within30Minutes());
            values.add(s.speedToLead().withinOneWorkingDay());
            values.add(s.speedToLead().withinSla());
            csv.append(values.stream().map(FunnelCsv::field).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static void addSpread(List<Object> values, Spread spread) {
        values.add(spread.median());
        values.add(spread.p90());
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number))) {
            // Quoted; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula.
            String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)
                    ? "'" + text : text;
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
