package org.carepath.events.intake;

import java.time.Instant;

/** A specialist's or hospital system's finding. */
public record FindingRecorded(
        String episodeId,
        String findingId,
        Instant recordedAt,
        ImagingModality imaging,
        StructuralCause structuralCause,
        int levels,
        boolean conservativeCareFailed) {}
