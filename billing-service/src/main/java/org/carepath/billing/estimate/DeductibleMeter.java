package org.carepath.billing.estimate;

import java.math.BigDecimal;

/** A deductible still to be met, consumed by the lines in their order. Lives for one quote only. */
final class DeductibleMeter {

    private BigDecimal remaining;

    DeductibleMeter(BigDecimal remaining) {
        this.remaining = Money.cents(remaining);
    }

    /** Takes as much of {@code amount} as the deductible still needs, and returns it. */
    BigDecimal take(BigDecimal amount) {
        BigDecimal taken = Money.min(amount, remaining);
        remaining = remaining.subtract(taken);
        return taken;
    }

    BigDecimal remaining() {
        return remaining;
    }
}
