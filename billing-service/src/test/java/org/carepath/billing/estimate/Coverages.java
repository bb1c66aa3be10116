package org.carepath.billing.estimate;

import java.math.BigDecimal;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.PrimaryPayer;
import org.carepath.events.intake.SecondaryType;
import org.carepath.events.intake.SupplementalType;

/** Object Mother: coverage as reported at intake. */
final class Coverages {

    private Coverages() {}

    static Coverage medicareDeductibleMet() {
        return medicare("0.00");
    }

    static Coverage medicare(String partBDeductibleRemaining) {
        return new Coverage(PrimaryPayer.MEDICARE, amount(partBDeductibleRemaining), null, null, null, null, null);
    }

    static Coverage medicareDeductibleUnknown() {
        return new Coverage(PrimaryPayer.MEDICARE, null, null, null, null, null, null);
    }

    static Coverage medicareWithMedigap(String partBDeductibleRemaining, boolean coversPartBDeductible) {
        return new Coverage(
                PrimaryPayer.MEDICARE,
                amount(partBDeductibleRemaining),
                new Coverage.Supplemental(SupplementalType.MEDIGAP, coversPartBDeductible),
                null,
                null,
                null,
                null);
    }

    static Coverage medicareWithEmployerSecondary(String partBDeductibleRemaining, String secondaryDeductible) {
        return new Coverage(
                PrimaryPayer.MEDICARE,
                amount(partBDeductibleRemaining),
                null,
                new Coverage.Secondary(SecondaryType.EMPLOYER, amount(secondaryDeductible), true),
                null,
                null,
                null);
    }

    static Coverage medicareWithMedigapAndSecondary(String partBDeductibleRemaining, String secondaryDeductible) {
        return new Coverage(
                PrimaryPayer.MEDICARE,
                amount(partBDeductibleRemaining),
                new Coverage.Supplemental(SupplementalType.AARP, false),
                new Coverage.Secondary(SecondaryType.TRICARE, amount(secondaryDeductible), true),
                null,
                null,
                null);
    }

    static Coverage medicareWithWorkersCompClaim() {
        return new Coverage(PrimaryPayer.MEDICARE, amount("0.00"), null, null, "WC-2026-0042", null, null);
    }

    static Coverage medicareWithNoFault(String noFaultDeductible) {
        return new Coverage(
                PrimaryPayer.MEDICARE,
                amount("0.00"),
                null,
                new Coverage.Secondary(SecondaryType.EMPLOYER, amount("250.00"), true),
                null,
                new Coverage.NoFault("NF-77", amount(noFaultDeductible)),
                null);
    }

    static Coverage medicareWithWorkersCompAndNoFault() {
        return new Coverage(
                PrimaryPayer.MEDICARE,
                amount("0.00"),
                null,
                null,
                "WC-2026-0042",
                new Coverage.NoFault("NF-77", amount("200.00")),
                null);
    }

    static Coverage commercial(String deductibleRemaining, String coinsurancePercent, String copay) {
        return new Coverage(
                PrimaryPayer.COMMERCIAL,
                null,
                null,
                null,
                null,
                null,
                new Coverage.Commercial(amount(deductibleRemaining), amount(coinsurancePercent), amount(copay)));
    }

    static Coverage commercialWithSupplementAndSecondary() {
        return new Coverage(
                PrimaryPayer.COMMERCIAL,
                null,
                new Coverage.Supplemental(SupplementalType.BCBS, true),
                new Coverage.Secondary(SecondaryType.VA, amount("100.00"), true),
                null,
                null,
                new Coverage.Commercial(amount("0.00"), amount("20"), amount("0.00")));
    }

    static Coverage selfPay() {
        return new Coverage(PrimaryPayer.SELF_PAY, null, null, null, null, null, null);
    }

    static Coverage selfPayWithSecondary() {
        return new Coverage(
                PrimaryPayer.SELF_PAY,
                null,
                null,
                new Coverage.Secondary(SecondaryType.EMPLOYER, amount("0.00"), true),
                null,
                null,
                null);
    }

    private static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
