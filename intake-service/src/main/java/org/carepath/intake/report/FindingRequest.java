package org.carepath.intake.report;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.StructuralCause;

/**
 * {@code POST /api/v1/episodes/{episodeId}/findings}: a specialist's or hospital system's finding. Absent {@code
 * levels} means one level; absent {@code conservativeCareFailed} means it has not failed.
 */
public record FindingRequest(
        ImagingModality imaging,
        @NotNull StructuralCause structuralCause,
        @Min(0) Integer levels,
        Boolean conservativeCareFailed) {}
