package org.carepath.events.intake;

import java.time.Instant;
import java.util.List;

/** A patient's reply to a follow-up. */
public record CheckInRecorded(
        String episodeId,
        String checkInId,
        Instant recordedAt,
        int painScore,
        boolean improving,
        List<Symptom> symptoms,
        boolean ptCompleted) {}
