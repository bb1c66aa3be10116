package org.carepath.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
        @Money BigDecimal partBDeductibleRemaining,
        @Valid Supplemental supplemental,
        @Valid Secondary secondary,
        @Size(max = 64) String workersCompClaim,
        @Valid NoFault noFault,
        @Valid Commercial commercial) {

    public record Supplemental(@NotNull SupplementalType type, Boolean coversPartBDeductible) {}

    public record Secondary(@NotNull SecondaryType type, @Money BigDecimal deductibleRemaining, Boolean inNetwork) {}

    public record NoFault(@Size(max = 64) String claim, @NotNull @Money BigDecimal deductibleRemaining) {}

    public record Commercial(
            @Money BigDecimal deductibleRemaining,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal coinsurancePercent,
            @Money BigDecimal copay) {}

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
