package org.carepath.events.intake;

import java.math.BigDecimal;

/** Who pays, as the patient reported it (billing-rules.md §2). Absent parts are {@code null}. */
public record Coverage(
        PrimaryPayer primary,
        BigDecimal partBDeductibleRemaining,
        Supplemental supplemental,
        Secondary secondary,
        String workersCompClaim,
        NoFault noFault,
        Commercial commercial) {

    public record Supplemental(SupplementalType type, boolean coversPartBDeductible) {}

    public record Secondary(SecondaryType type, BigDecimal deductibleRemaining, Boolean inNetwork) {}

    public record NoFault(String claim, BigDecimal deductibleRemaining) {}

    public record Commercial(BigDecimal deductibleRemaining, BigDecimal coinsurancePercent, BigDecimal copay) {}
}
