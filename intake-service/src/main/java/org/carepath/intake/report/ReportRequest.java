package org.carepath.intake.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.util.List;
import org.carepath.events.intake.Bothersomeness;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.intake.KnownCondition;
import org.carepath.events.intake.PainLocation;
import org.carepath.events.intake.Region;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;
import org.carepath.platform.web.CoverageRequest;

/** {@code POST /api/v1/episodes}, as CONTRACT.md gives it; validated before anything is stored. */
public record ReportRequest(
        @NotNull @Valid PatientRequest patient,
        @NotNull LocalDate onsetDate,
        @NotNull @Min(0) @Max(10) Integer painScore,
        @NotNull PainLocation painLocation,
        List<@NotNull Symptom> symptoms,
        List<@NotNull Trigger> triggers,
        @Valid HistoryRequest history,
        @Valid CoverageRequest coverage,
        @Valid StartBackRequest startBack) {

    public record PatientRequest(
            @NotBlank String mrn,
            @NotBlank String name,
            @NotNull LocalDate birthDate,
            @NotNull Region region,
            @NotNull @Valid ContactRequest contact) {}

    public record ContactRequest(@NotNull ContactChannel channel, String phone, String email) {

        @AssertTrue(message = "must be given for SMS and PHONE")
        boolean isPhone() {
            return channel == null || channel == ContactChannel.EMAIL || (phone != null && !phone.isBlank());
        }

        @AssertTrue(message = "must be given for EMAIL")
        boolean isEmail() {
            return channel != ContactChannel.EMAIL || (email != null && !email.isBlank());
        }
    }

    public record HistoryRequest(
            @PositiveOrZero Integer episodesLast12Months,
            Boolean worsening,
            Boolean homeCareTried,
            Boolean interferesWithDailyActivities,
            List<@NotNull KnownCondition> knownConditions,
            Boolean mriContraindicated) {}

    public record StartBackRequest(
            boolean legPain,
            boolean shoulderNeckPain,
            boolean walkedShortDistances,
            boolean dressedSlowly,
            boolean notSafeToBeActive,
            boolean worryingThoughts,
            boolean terribleNeverBetter,
            boolean notEnjoyed,
            @NotNull Bothersomeness bothersomeness) {}
}
