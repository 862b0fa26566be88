package io.leadjourney.engagement;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EngagementController {

    private final EngagementService engagement;

    EngagementController(EngagementService engagement) {
        this.engagement = engagement;
    }

    @PostMapping("/api/leads/{id}/events")
    EngagementResult record(@PathVariable long id, @Valid @RequestBody NewEngagementEvent event) {
        return engagement.record(id, event);
    }
}
