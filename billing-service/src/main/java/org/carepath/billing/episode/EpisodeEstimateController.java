package org.carepath.billing.episode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.platform.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/episodes/{episodeId}/estimate")
@Tag(name = "Episode estimates", description = "Each episode's out-of-pocket estimate, versioned as it changes")
class EpisodeEstimateController {

    private final EpisodeEstimates estimates;

    EpisodeEstimateController(EpisodeEstimates estimates) {
        this.estimates = estimates;
    }

    @GetMapping
    @Operation(summary = "The episode's current estimate; 404 until there is one")
    EstimateProduced current(@PathVariable String episodeId) {
        return estimates.current(episodeId).orElseThrow(() -> noEstimate(episodeId));
    }

    @GetMapping("/history")
    @Operation(summary = "Every estimate version, oldest first; 404 until there is one")
    List<EstimateProduced> history(@PathVariable String episodeId) {
        List<EstimateProduced> history = estimates.history(episodeId);
        if (history.isEmpty()) {
            throw noEstimate(episodeId);
        }
        return history;
    }

    private static NotFoundException noEstimate(String episodeId) {
        return new NotFoundException("No estimate for episode " + episodeId + " yet");
    }
}
