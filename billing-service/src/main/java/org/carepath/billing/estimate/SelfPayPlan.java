package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.carepath.events.billing.Payer;

/** B-SELF (beyond the seed): the patient pays the allowed amount; the estimate is a Good Faith Estimate. */
final class SelfPayPlan implements PrimaryPlan {

    static final String RULE = "B-SELF";

    private final boolean coverageGiven;

    SelfPayPlan(boolean coverageGiven) {
        this.coverageGiven = coverageGiven;
    }

    @Override
    public Payer payer() {
        return Payer.SELF_PAY;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public PrimaryShare share(String cpt, int units, BigDecimal allowed) {
        // The patient's whole payment sits in the coinsurance part, so the line invariants hold unchanged.
        return new PrimaryShare(Money.ZERO, Money.ZERO, allowed);
    }

    @Override
    public List<String> assumptions() {
        List<String> assumptions = new ArrayList<>();
        if (!coverageGiven) {
            assumptions.add("No primary coverage given: estimated as self-pay (B-SELF).");
        }
        assumptions.add("Self-pay prices are the fee schedule's allowed amounts (B-SELF).");
        assumptions.add("Good Faith Estimate under the No Surprises Act: a bill at least 400.00 above it may be"
                + " disputed (B-SELF).");
        return assumptions;
    }
}
