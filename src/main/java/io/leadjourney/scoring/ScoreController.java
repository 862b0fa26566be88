package io.leadjourney.scoring;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Leads", description = "Capture, find, read and erase leads")
class ScoreController {

    private final ScoringService scoring;
    private final DefinitionSignatures signatures;

    ScoreController(ScoringService scoring, DefinitionSignatures signatures) {
        this.scoring = scoring;
        this.signatures = signatures;
    }

    /**
     * A score receipt: the score card, and who signed the versions of the tables it used.
     *
     * @param signatures the quarterly reviews' signatures of the versions the card names; unsigned ones have none
     */
    record ScoreReceipt(@JsonUnwrapped ScoreCard card, List<DefinitionSignatures.Signature> signatures) {
    }

    /**
     * The lead's score as of now and why: each fit rule, each behaviour, each group cap, each table version, and
     * who signed those versions.
     */
    @Operation(summary = "A lead's score and why", description = "Groups: integration, marketing, managers,"
            + " admins. Every fit rule that matched, every behaviour with its points after decay, each group's cap,"
            + " the version of every table and who signed it.")
    @GetMapping("/api/leads/{id}/score")
    ScoreReceipt score(@PathVariable long id) {
        ScoreCard card = scoring.receipt(id);
        return new ScoreReceipt(card, signatures.of(card.versionTags()));
    }
}
