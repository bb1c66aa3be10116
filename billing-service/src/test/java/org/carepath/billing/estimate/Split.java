package org.carepath.billing.estimate;

import java.math.BigDecimal;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateTotals;

/** A line's (or the totals') amounts as plain strings, so a table row reads like billing-rules.md §4. */
record Split(
        String allowed,
        String deductibleApplied,
        String primaryPays,
        String supplementalPays,
        String secondaryPays,
        String patientPays) {

    static Split of(EstimateLine line) {
        return new Split(
                text(line.allowed()),
                text(line.deductibleApplied()),
                text(line.primaryPays()),
                text(line.supplementalPays()),
                text(line.secondaryPays()),
                text(line.patientPays()));
    }

    static Split of(EstimateTotals totals) {
        return new Split(
                text(totals.allowed()),
                text(totals.deductibleApplied()),
                text(totals.primaryPays()),
                text(totals.supplementalPays()),
                text(totals.secondaryPays()),
                text(totals.patientPays()));
    }

    private static String text(BigDecimal amount) {
        return amount.toPlainString();
    }
}
