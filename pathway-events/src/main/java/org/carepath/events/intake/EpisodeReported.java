package org.carepath.events.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A new episode of back muscle spasm, as reported at intake. {@code patientId} is intake's stable opaque id for the
 * patient's MRN (the same MRN always has the same id); the MRN itself stays inside {@code patient}, read by triage
 * and intake only, and is never copied into another event.
 */
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
        StartBack startBack,
        String patientId) {}
