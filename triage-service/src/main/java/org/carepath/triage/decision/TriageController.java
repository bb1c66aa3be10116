package org.carepath.triage.decision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/episodes/{episodeId}/triage")
@Tag(name = "Triage", description = "Each episode's versioned triage decisions, with the rules that fired")
class TriageController {

    private final Triage triage;

    TriageController(Triage triage) {
        this.triage = triage;
    }

    @GetMapping
    @Operation(summary = "The latest decision; 404 until there is one")
    TriageDecided latest(@PathVariable String episodeId) {
        return triage.latest(episodeId).orElseThrow(() -> noDecision(episodeId));
    }

    @GetMapping("/history")
    @Operation(summary = "Every decision version, oldest first")
    List<TriageDecided> history(@PathVariable String episodeId) {
        return triage.history(episodeId).orElseThrow(() -> noDecision(episodeId));
    }

    private static NotFoundException noDecision(String episodeId) {
        return new NotFoundException("No triage decision for episode " + episodeId + " yet");
    }
}
