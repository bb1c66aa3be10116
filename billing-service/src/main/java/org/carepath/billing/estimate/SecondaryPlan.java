package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.carepath.events.intake.Coverage;

/**
 * B-SEC: a secondary plan pays what Medicare and any supplement leave, once its own deductible still remaining is
 * met; the patient pays that deductible, consumed across the lines in order. An unknown deductible is 300.00
 * (B-UNKNOWN), never 0.
 */
final class SecondaryPlan {

    static final String RULE = "B-SEC";

    private final Coverage.Secondary terms;
    private final DeductibleMeter deductible;

    SecondaryPlan(Coverage.Secondary terms) {
        this.terms = terms;
        this.deductible = new DeductibleMeter(
                terms.deductibleRemaining() == null
                        ? UnknownTerms.SECONDARY_DEDUCTIBLE
                        : Money.nonNegative(terms.deductibleRemaining(), "coverage.secondary.deductibleRemaining"));
    }

    /** The part of what is left on a line that the secondary pays; the rest stays with the patient. */
    BigDecimal pays(BigDecimal leftAfterMedicareAndSupplement) {
        return leftAfterMedicareAndSupplement.subtract(deductible.take(leftAfterMedicareAndSupplement));
    }

    boolean assumesUnknownTerms() {
        return terms.deductibleRemaining() == null;
    }

    List<String> assumptions() {
        List<String> assumptions = new ArrayList<>();
        if (terms.deductibleRemaining() == null) {
            assumptions.add("Secondary deductible remaining not given: assumed " + UnknownTerms.SECONDARY_DEDUCTIBLE
                    + ", the top of the typical 100.00-300.00 range (B-UNKNOWN).");
        }
        if (Boolean.FALSE.equals(terms.inNetwork())) {
            assumptions.add("The secondary plan is out of network: its terms may differ from this estimate (B-SEC).");
        }
        assumptions.add("Secondary (" + terms.type() + ") deductible still remaining after this estimate: "
                + deductible.remaining() + " (B-SEC).");
        return assumptions;
    }
}
