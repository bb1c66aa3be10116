package org.carepath.intake.episode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carepath.intake.report.CheckInRequest;
import org.carepath.intake.report.FindingRequest;
import org.carepath.intake.report.ReportRequest;
import org.carepath.platform.audit.AuditedEpisode;
import org.carepath.platform.web.InvalidFieldException;
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

    // Triage does not re-assess a RECOVERED episode (clinical-rules.md §10): say so rather than stay silent.
    static final String CHECK_IN_ON_CLOSED = "The episode is closed (RECOVERED): the check-in is recorded, and triage"
            + " reopens the episode only if it reports a red flag; otherwise report a new episode.";
    static final String FINDING_ON_CLOSED = "The episode is closed (RECOVERED): the finding is recorded but triage does"
            + " not re-assess a closed episode; report a new episode if the problem is back.";

    private static final int MAX_KEY_LENGTH = 200;

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
        AuditedEpisode.is(episode.episodeId());
        return Map.of("episodeId", episode.episodeId(), "status", episode.status());
    }

    @GetMapping("/{episodeId}")
    @Operation(summary = "The report as stored, with its status")
    EpisodeView episode(@PathVariable String episodeId) {
        return EpisodeView.of(intake.find(episodeId));
    }

    @PostMapping("/{episodeId}/check-ins")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary =
                    "Record a patient's check-in; triage re-assesses the episode; an Idempotency-Key makes retries safe")
    Map<String, String> checkIn(
            @PathVariable String episodeId,
            @Valid @RequestBody CheckInRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Recorded checkIn = intake.checkIn(episodeId, request, bounded(idempotencyKey));
        return answer(episodeId, "checkInId", checkIn, CHECK_IN_ON_CLOSED);
    }

    @PostMapping("/{episodeId}/findings")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary =
                    "Record a specialist's or hospital system's finding; triage re-assesses the episode; an Idempotency-Key makes retries safe")
    Map<String, String> finding(
            @PathVariable String episodeId,
            @Valid @RequestBody FindingRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Recorded finding = intake.finding(episodeId, request, bounded(idempotencyKey));
        return answer(episodeId, "findingId", finding, FINDING_ON_CLOSED);
    }

    private static String bounded(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw new InvalidFieldException("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return idempotencyKey;
    }

    private static Map<String, String> answer(String episodeId, String idName, Recorded recorded, String closedNote) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("episodeId", episodeId);
        answer.put(idName, recorded.id());
        answer.put("status", "RECORDED");
        if (recorded.episodeClosed()) {
            answer.put("note", closedNote);
        }
        return answer;
    }
}
