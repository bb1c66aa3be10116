package org.carepath.scheduling.adapters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.carepath.scheduling.followup.FollowUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Follow-ups", description = "Automated follow-up messages, each sent once when due")
class FollowUpController {

    private final EpisodeSchedules schedules;

    FollowUpController(EpisodeSchedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/api/v1/episodes/{episodeId}/follow-ups")
    @Operation(summary = "An episode's follow-ups, soonest due first; [] for an episode scheduling has not seen")
    List<FollowUpView> followUps(@PathVariable String episodeId) {
        return schedules.find(episodeId).map(EpisodeScheduleDocument::followUps).orElse(List.of()).stream()
                .sorted(Comparator.comparing(FollowUp::dueAt).thenComparing(FollowUp::followUpId))
                .map(FollowUpView::of)
                .toList();
    }
}
