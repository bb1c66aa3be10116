package org.carepath.scheduling.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Follow-ups", description = "Automated follow-up messages, each sent once when due")
class FollowUpController {

    private final FollowUpStore store;

    FollowUpController(FollowUpStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/episodes/{episodeId}/follow-ups")
    @Operation(summary = "An episode's follow-ups, soonest due first; [] for an episode scheduling has not seen")
    List<FollowUpView> followUps(@PathVariable String episodeId) {
        return store.forEpisode(episodeId).stream().map(FollowUpView::of).toList();
    }
}
