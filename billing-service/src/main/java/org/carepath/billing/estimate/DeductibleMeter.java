package org.carepath.billing.estimate;

import java.math.BigDecimal;

/**
 * A deductible still to be met, consumed by the lines in their order. Lives for one quote only. A deductible taken
 * as not met (B-UNKNOWN) has no known remainder: it takes every amount whole.
 */
final class DeductibleMeter {

    private BigDecimal remaining;

    DeductibleMeter(BigDecimal remaining) {
        this.remaining = Money.cents(remaining);
    }

    private DeductibleMeter() {
        this.remaining = null;
    }

    /** B-UNKNOWN: an unknown deductible is not met, so the patient pays up to the whole allowed amount. */
    static DeductibleMeter notMet() {
        return new DeductibleMeter();
    }

    /** Takes as much of {@code amount} as the deductible still needs, and returns it. */
    BigDecimal take(BigDecimal amount) {
        if (remaining == null) {
            return amount;
        }
        BigDecimal taken = Money.min(amount, remaining);
        remaining = remaining.subtract(taken);
        return taken;
    }

    /** What is still to be met, or {@code "not known"} for a deductible taken as not met. */
    String remainingText() {
        return remaining == null ? "not known (taken as not met)" : remaining.toPlainString();
    }

    BigDecimal remaining() {
        return remaining;
    }
}
