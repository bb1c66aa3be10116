package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.carepath.events.billing.Payer;

/**
 * B-NF: No-Fault pays all but the policy deductible still remaining, consumed in line order. An unknown deductible
 * is taken as not met (B-UNKNOWN: never 0).
 */
final class NoFaultPlan implements PrimaryPlan {

    static final String RULE = "B-NF";

    private final DeductibleMeter deductible;
    private final boolean deductibleGiven;

    NoFaultPlan(BigDecimal deductibleRemaining) {
        this.deductibleGiven = deductibleRemaining != null;
        this.deductible = deductibleGiven
                ? new DeductibleMeter(Money.nonNegative(deductibleRemaining, "coverage.noFault.deductibleRemaining"))
                : DeductibleMeter.notMet();
    }

    @Override
    public Payer payer() {
        return Payer.NO_FAULT;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public boolean assumesUnknownTerms() {
        return !deductibleGiven;
    }

    @Override
    public PrimaryShare share(String cpt, int units, BigDecimal allowed) {
        BigDecimal deductibleApplied = deductible.take(allowed);
        return new PrimaryShare(deductibleApplied, allowed.subtract(deductibleApplied), Money.ZERO);
    }

    @Override
    public List<String> assumptions() {
        List<String> assumptions = new ArrayList<>();
        assumptions.add("No-Fault pays first for a car accident; other coverage is not billed (B-NF).");
        if (!deductibleGiven) {
            assumptions.add("No-Fault deductible remaining not given: taken as not met, the patient pays up to the"
                    + " whole allowed amount (B-UNKNOWN).");
        }
        assumptions.add(
                "No-Fault deductible still remaining after this estimate: " + deductible.remainingText() + " (B-NF).");
        return assumptions;
    }
}
