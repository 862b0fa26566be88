package io.leadjourney.review;

import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.scoring.DefinitionSignatures;
import io.leadjourney.scoring.WhatIfReport;
import io.leadjourney.scoring.WhatIfService;
import io.leadjourney.support.InvalidFieldException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.leadjourney.support.SqlTime.utc;

/**
 * The quarterly review of the qualified-lead definition: marketing and sales both sign it, having read the forecast
 * of a candidate over past leads. A signed candidate is deployed and its versions signed; a candidate one side
 * rejects is not deployed. A review without a candidate (the quarter's timer) confirms the deployed definition.
 */
@Service
public class DefinitionReviewService {

    private static final Logger log = LoggerFactory.getLogger(DefinitionReviewService.class);
    static final String SIGN = "SIGN";
    static final int MAX_CANDIDATE = 1_000_000;

    /** A review as the API answers it. */
    public record ReviewView(long id, String candidate, String forecast, String status, String openedBy,
                             Instant openedAt, Instant settledAt, String outcome) {
    }

    private final JdbcTemplate jdbc;
    private final WhatIfService whatIf;
    private final RepositoryService repository;
    private final DefinitionSignatures signatures;
    private final Clock clock;

    DefinitionReviewService(JdbcTemplate jdbc, WhatIfService whatIf, RepositoryService repository,
                            DefinitionSignatures signatures, Clock clock) {
        this.jdbc = jdbc;
        this.whatIf = whatIf;
        this.repository = repository;
        this.signatures = signatures;
        this.clock = clock;
    }

    /**
     * Opens a review of a candidate (a DMN file of definition tables, forecast over the leads captured from
     * {@code from} to {@code to}), or of the deployed definition when {@code candidate} is null.
     *
     * @return the review's id
     */
    @Transactional
    public long open(String candidateName, byte[] candidate, LocalDate from, LocalDate to, String by) {
        String forecast;
        if (candidate == null) {
            forecast = "No candidate: both sides confirm the definition in use (" + versionsInUse() + ")";
        } else {
            if (candidateName == null || !candidateName.toLowerCase().endsWith(".dmn")) {
                throw new InvalidFieldException("file", "must be a DMN file (.dmn) of the definition's tables "
                        + DecisionKeys.DEFINITION);
            }
            if (candidate.length > MAX_CANDIDATE) {
                throw new InvalidFieldException("file", "may be at most " + MAX_CANDIDATE + " bytes");
            }
            WhatIfReport report = whatIf.forecast(candidate, from, to, null);
            if (!DecisionKeys.DEFINITION.containsAll(report.candidateTables())) {
                throw new InvalidFieldException("file", "may only replace the definition's tables "
                        + DecisionKeys.DEFINITION + "; it defines " + report.candidateTables());
            }
            forecast = summary(report);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into definition_review (candidate_name,"
                    + " candidate, forecast, status, opened_by, opened_at) values (?, ?, ?, 'OPEN', ?, ?)",
                    new String[]{"id"});
            insert.setString(1, candidateName);
            insert.setString(2, candidate == null ? null : new String(candidate, StandardCharsets.UTF_8));
            insert.setString(3, forecast);
            insert.setString(4, by);
            insert.setObject(5, utc(Instant.now(clock)));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        log.info("Definition review {} opened by {}: {}", id, by, forecast);
        return id;
    }

    /**
     * Ends the review: when both sides signed, deploys the candidate (if any) and records their signatures on the
     * versions now in use; otherwise records who rejected it, and nothing is deployed.
     *
     * @return the outcome, in words
     */
    @Transactional
    public String settle(long reviewId, String marketingDecision, String marketingBy, String salesDecision,
                         String salesBy) {
        ReviewView review = find(reviewId);
        if (!"OPEN".equals(review.status())) {
            return review.outcome();
        }
        Instant now = Instant.now(clock);
        String outcome;
        String status;
        if (SIGN.equals(marketingDecision) && SIGN.equals(salesDecision)) {
            String candidate = jdbc.queryForObject("select candidate from definition_review where id = ?",
                    String.class, reviewId);
            Map<String, Integer> deployed = new HashMap<>();
            if (candidate != null) {
                // Deployed in this transaction: its versions come from the deployment, not yet from a query.
                repository.createDeployment().name("definition-review-" + reviewId)
                        .addInputStream(review.candidate(), new ByteArrayInputStream(
                                candidate.getBytes(StandardCharsets.UTF_8))).deployWithResult()
                        .getDeployedDecisionDefinitions()
                        .forEach(definition -> deployed.put(definition.getKey(), definition.getVersion()));
            }
            List<String> signed = new ArrayList<>();
            for (String table : DecisionKeys.DEFINITION) {
                int version = deployed.containsKey(table) ? deployed.get(table) : latest(table).getVersion();
                signatures.sign(table, version, reviewId, marketingBy, salesBy, now);
                signed.add(table + ":v" + version);
            }
            status = "SIGNED";
            outcome = (candidate == null ? "Confirmed" : "Deployed") + " and signed by " + marketingBy
                    + " (marketing) and " + salesBy + " (sales): " + String.join(" ", signed);
        } else {
            status = "REJECTED";
            outcome = "Not signed: " + (SIGN.equals(marketingDecision) ? "" : "marketing (" + marketingBy + ") ")
                    + (SIGN.equals(salesDecision) ? "" : "sales (" + salesBy + ") ") + "rejected it; nothing deployed";
        }
        jdbc.update("update definition_review set status = ?, settled_at = ?, outcome = ? where id = ?", status,
                utc(now), outcome, reviewId);
        log.info("Definition review {}: {}", reviewId, outcome);
        return outcome;
    }

    @Transactional(readOnly = true)
    public ReviewView find(long reviewId) {
        return jdbc.query("select id, candidate_name, forecast, status, opened_by, opened_at, settled_at, outcome"
                        + " from definition_review where id = ?",
                (row, n) -> new ReviewView(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getTimestamp(6).toInstant(),
                        row.getTimestamp(7) == null ? null : row.getTimestamp(7).toInstant(), row.getString(8)),
                reviewId).stream().findFirst()
                .orElseThrow(() -> new ReviewNotFoundException(reviewId));
    }

    private String versionsInUse() {
        List<String> tags = new ArrayList<>();
        for (String table : DecisionKeys.DEFINITION) {
            tags.add(table + ":v" + latest(table).getVersion());
        }
        return String.join(" ", tags);
    }

    private DecisionDefinition latest(String table) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(table).latestVersion()
                .singleResult();
    }

    /** What both sides read before they sign: the candidate's MQLs against the deployed definition's. */
    private static String summary(WhatIfReport report) {
        return "Replaces " + report.candidateTables() + ". Over the " + report.leads() + " leads captured from "
                + report.from() + " to " + report.to() + ": " + report.candidate().mqls() + " MQLs (deployed: "
                + report.current().mqls() + "), of them accepted " + report.candidate().accepted() + " ("
                + report.current().accepted() + "), SQL " + report.candidate().sql() + " ("
                + report.current().sql() + "), won " + report.candidate().won() + " (" + report.current().won()
                + "); " + report.newlyQualified().size() + " leads become MQLs, " + report.noLongerQualified().size()
                + " no longer are.";
    }
}
