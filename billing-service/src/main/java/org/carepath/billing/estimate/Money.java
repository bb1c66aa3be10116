package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in dollars and cents, rounded half-up per line (billing-rules.md §3). */
final class Money {

    static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Money() {}

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return cents(amount.multiply(percent).divide(HUNDRED));
    }

    static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A reported amount as cents; a negative one is a caller error naming the field. */
    static BigDecimal nonNegative(BigDecimal amount, String field) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        return cents(amount);
    }
}
