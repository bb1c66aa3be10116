package org.carepath.intake.episode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/episodes")
@Tag(name = "Episodes", description = "Reports, check-ins and findings of back muscle spasm episodes")
class EpisodeController {

    static final String CLOSED_NOTE = "The episode is closed (RECOVERED): the check-in is recorded, and triage reopens"
            + " the episode only if it reports a red flag; otherwise report a new episode.";

    private final EpisodeIntake intake;

    EpisodeController(EpisodeIntake intake) {
        this.intake = intake;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Report a new episode; an Idempotency-Key makes retries safe")
    Map<String, String> report(
            @Valid @RequestBody ReportRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Episode episode = intake.report(request, idempotencyKey);
        return Map.of("episodeId", episode.episodeId(), "status", episode.status());
    }

    @GetMapping("/{episodeId}")
    @Operation(summary = "The report as stored, with its status")
    EpisodeView episode(@PathVariable String episodeId) {
        return EpisodeView.of(intake.find(episodeId));
    }

    @PostMapping("/{episodeId}/check-ins")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Record a patient's check-in; triage re-assesses the episode")
    Map<String, String> checkIn(@PathVariable String episodeId, @Valid @RequestBody CheckInRequest request) {
        Episode episode = intake.find(episodeId);
        var checkIn = intake.checkIn(episodeId, request);
        if (episode.closed()) {
            return Map.of(
                    "episodeId",
                    episodeId,
                    "checkInId",
                    checkIn.checkInId(),
                    "status",
                    "RECORDED",
                    "note",
                    CLOSED_NOTE);
        }
        return Map.of("episodeId", episodeId, "checkInId", checkIn.checkInId(), "status", "RECORDED");
    }

    @PostMapping("/{episodeId}/findings")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Record a specialist's or hospital system's finding; triage re-assesses the episode")
    Map<String, String> finding(@PathVariable String episodeId, @Valid @RequestBody FindingRequest request) {
        var finding = intake.finding(episodeId, request);
        return Map.of("episodeId", episodeId, "findingId", finding.findingId(), "status", "RECORDED");
    }
}
