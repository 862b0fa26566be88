package io.leadjourney.scoring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScoreController {

    private final ScoringService scoring;

    ScoreController(ScoringService scoring) {
        this.scoring = scoring;
    }

    /** The lead's score as of now and why: each fit rule, each behaviour, each group cap, each table version. */
    @GetMapping("/api/leads/{id}/score")
    ScoreCard score(@PathVariable long id) {
        return scoring.receipt(id);
    }
}
