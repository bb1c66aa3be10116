package org.carepath.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.PrimaryPayer;
import org.carepath.events.intake.SecondaryType;
import org.carepath.events.intake.SupplementalType;

/**
 * The {@code coverage} object of CONTRACT.md as a request body part, validated: intake takes it with a report
 * and billing with an ad-hoc quote.
 */
public record CoverageRequest(
        @NotNull PrimaryPayer primary,
        @PositiveOrZero BigDecimal partBDeductibleRemaining,
        @Valid Supplemental supplemental,
        @Valid Secondary secondary,
        String workersCompClaim,
        @Valid NoFault noFault,
        @Valid Commercial commercial) {

    public record Supplemental(@NotNull SupplementalType type, Boolean coversPartBDeductible) {}

    public record Secondary(
            @NotNull SecondaryType type, @PositiveOrZero BigDecimal deductibleRemaining, Boolean inNetwork) {}

    public record NoFault(String claim, @NotNull @PositiveOrZero BigDecimal deductibleRemaining) {}

    public record Commercial(
            @PositiveOrZero BigDecimal deductibleRemaining,
            @Min(0) @Max(100) BigDecimal coinsurancePercent,
            @PositiveOrZero BigDecimal copay) {}

    public Coverage toCoverage() {
        return new Coverage(
                primary,
                partBDeductibleRemaining,
                supplemental == null
                        ? null
                        : new Coverage.Supplemental(
                                supplemental.type(), Boolean.TRUE.equals(supplemental.coversPartBDeductible())),
                secondary == null
                        ? null
                        : new Coverage.Secondary(
                                secondary.type(), secondary.deductibleRemaining(), secondary.inNetwork()),
                workersCompClaim,
                noFault == null ? null : new Coverage.NoFault(noFault.claim(), noFault.deductibleRemaining()),
                commercial == null
                        ? null
                        : new Coverage.Commercial(
                                commercial.deductibleRemaining(), commercial.coinsurancePercent(), commercial.copay()));
    }
}
