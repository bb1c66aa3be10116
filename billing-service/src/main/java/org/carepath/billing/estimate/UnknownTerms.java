package org.carepath.billing.estimate;

import java.math.BigDecimal;

/**
 * B-UNKNOWN (billing-rules.md §3, added 2026-12): a deductible the patient does not know is never taken as 0. The
 * values assumed in its place are chosen here, and each plan that uses one lists it in the estimate's assumptions.
 */
final class UnknownTerms {

    static final String RULE = "B-UNKNOWN";

    /** The top of the seed's typical $100–$300 secondary deductible (chosen). */
    static final BigDecimal SECONDARY_DEDUCTIBLE = new BigDecimal("300.00");

    /** An unknown commercial coinsurance percent (chosen). */
    static final BigDecimal COMMERCIAL_COINSURANCE_PERCENT = new BigDecimal("20");

    private UnknownTerms() {}
}
