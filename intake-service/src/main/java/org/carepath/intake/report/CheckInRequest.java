package org.carepath.intake.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.carepath.events.intake.Symptom;

/** {@code POST /api/v1/episodes/{episodeId}/check-ins}: a patient's reply to a follow-up. */
public record CheckInRequest(
        @NotNull @Min(0) @Max(10) Integer painScore,
        @NotNull Boolean improving,
        @Size(max = 20) List<@NotNull Symptom> symptoms,
        Boolean ptCompleted) {}
