package io.leadjourney.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A candidate qualified-lead definition replayed over a period, against the deployed one.
 *
 * @param candidateTables   the tables the candidate replaces
 * @param leads             leads captured in the period (and source, if given)
 * @param weeks             per ISO week (Monday) of the moment each lead first qualified
 * @param newlyQualified    leads only the candidate makes MQLs (at most {@value WhatIfService#MAX_LISTED})
 * @param noLongerQualified leads only the deployed definition makes MQLs (at most {@value WhatIfService#MAX_LISTED})
 */
public record WhatIfReport(LocalDate from, LocalDate to, String source, Set<String> candidateTables, int leads,
                           Totals current, Totals candidate, List<Week> weeks, List<Long> newlyQualified,
                           List<Long> noLongerQualified) {

    /**
     * The MQLs a definition produces, and what became of them since (from the stage log).
     *
     * @param accepted accepted by a rep (SAL)
     * @param sql      handed to sales
     * @param won      deals sales reported won ({@code POST /api/leads/{id}/outcome})
     */
    public record Totals(int mqls, int accepted, int sql, int won) {
    }

    public record Week(LocalDate week, int currentMqls, int candidateMqls, int candidateAccepted, int candidateSql,
                       int candidateWon) {
    }
}
