package org.carepath.intake.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
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
        @Size(max = 20) List<@NotNull Symptom> symptoms,
        @Size(max = 20) List<@NotNull Trigger> triggers,
        @Valid HistoryRequest history,
        @Valid CoverageRequest coverage,
        @Valid StartBackRequest startBack) {

    public record PatientRequest(
            @NotBlank @Size(max = 64) String mrn,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Past LocalDate birthDate,
            @NotNull Region region,
            @NotNull @Valid ContactRequest contact) {}

    public record ContactRequest(
            @NotNull ContactChannel channel,
            @Pattern(regexp = PHONE, message = "must be a phone number such as +15165550100") String phone,
            @Email @Size(max = 254) String email) {

        /** E.164, or a North American number written with spaces, dots, dashes or parentheses. */
        static final String PHONE = "\\+?[0-9][0-9 ().-]{6,22}";

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
            @PositiveOrZero @Max(366) Integer episodesLast12Months,
            Boolean worsening,
            Boolean homeCareTried,
            Boolean interferesWithDailyActivities,
            @Size(max = 20) List<@NotNull KnownCondition> knownConditions,
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

    /** No date before this is a birth or an onset: a year such as 1,000,000,000 is a 400, not a computation. */
    @AssertTrue(message = "must not be before 1900-01-01")
    boolean isOnsetDate() {
        return onsetDate == null || !onsetDate.isBefore(EARLIEST);
    }

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
}
