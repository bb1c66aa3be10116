package org.carepath.events.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A new episode of back muscle spasm, as reported at intake. */
public record EpisodeReported(
        String episodeId,
        Instant reportedAt,
        Patient patient,
        LocalDate onsetDate,
        int painScore,
        PainLocation painLocation,
        List<Symptom> symptoms,
        List<Trigger> triggers,
        History history,
        Coverage coverage,
        StartBack startBack) {}
