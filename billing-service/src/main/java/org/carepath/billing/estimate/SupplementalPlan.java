package org.carepath.billing.estimate;

import java.math.BigDecimal;
import org.carepath.events.intake.Coverage;

/** B-SUPP: a Medicare supplement pays the coinsurance, and the Part B deductible only when it covers it. */
record SupplementalPlan(Coverage.Supplemental terms) {

    static final String RULE = "B-SUPP";

    BigDecimal pays(PrimaryShare share) {
        return terms.coversPartBDeductible() ? share.balance() : share.coinsurance();
    }

    String assumption() {
        return "The " + terms.type() + " supplement pays the 20 % coinsurance"
                + (terms.coversPartBDeductible() ? " and the Part B deductible" : ", not the Part B deductible")
                + " (B-SUPP).";
    }
}
