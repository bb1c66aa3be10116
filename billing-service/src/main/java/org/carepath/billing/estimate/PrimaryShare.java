package org.carepath.billing.estimate;

import java.math.BigDecimal;

/** How the first payer splits a line: {@code allowed = deductibleApplied + primaryPays + coinsurance}. */
record PrimaryShare(BigDecimal deductibleApplied, BigDecimal primaryPays, BigDecimal coinsurance) {

    static PrimaryShare paidInFull(BigDecimal allowed) {
        return new PrimaryShare(Money.ZERO, allowed, Money.ZERO);
    }

    /** What is left for the plans after the first payer, and for the patient. */
    BigDecimal balance() {
        return deductibleApplied.add(coinsurance);
    }
}
