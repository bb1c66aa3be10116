package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.carepath.events.billing.Payer;

/**
 * B-MCR: the Part B deductible still remaining is applied to the lines in order; Medicare pays 80 % of the rest
 * of each line and 20 % is coinsurance.
 */
final class MedicarePlan implements PrimaryPlan {

    static final String RULE = "B-MCR";

    private static final BigDecimal MEDICARE_PERCENT = new BigDecimal("80");

    private final DeductibleMeter deductible;
    private final String defaultNote;

    /**
     * @param deductibleRemaining as reported, or null when unknown
     * @param annualDeductible the year's Part B deductible, assumed still to be met when none is reported
     */
    MedicarePlan(BigDecimal deductibleRemaining, BigDecimal annualDeductible, int year) {
        if (deductibleRemaining == null) {
            this.deductible = new DeductibleMeter(annualDeductible);
            this.defaultNote = "Part B deductible remaining not given: assumed the full " + year
                    + " Part B deductible, " + Money.cents(annualDeductible) + " (B-MCR).";
        } else {
            this.deductible =
                    new DeductibleMeter(Money.nonNegative(deductibleRemaining, "coverage.partBDeductibleRemaining"));
            this.defaultNote = null;
        }
    }

    @Override
    public Payer payer() {
        return Payer.MEDICARE;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public PrimaryShare share(String cpt, int units, BigDecimal allowed) {
        BigDecimal deductibleApplied = deductible.take(allowed);
        BigDecimal afterDeductible = allowed.subtract(deductibleApplied);
        BigDecimal medicarePays = Money.percentOf(afterDeductible, MEDICARE_PERCENT);
        return new PrimaryShare(deductibleApplied, medicarePays, afterDeductible.subtract(medicarePays));
    }

    @Override
    public List<String> assumptions() {
        List<String> assumptions = new ArrayList<>();
        if (defaultNote != null) {
            assumptions.add(defaultNote);
        }
        assumptions.add(
                "Part B deductible still remaining after this estimate: " + deductible.remaining() + " (B-MCR).");
        return assumptions;
    }
}
