package org.carepath.events.billing;

import java.math.BigDecimal;

/**
 * One priced service. {@code allowed = deductibleApplied + primaryPays + coinsurance} and the coinsurance is split
 * between the supplemental, the secondary and the patient (billing-rules.md §3). An unpriced line has
 * {@code priced = false}, zero amounts and the reason in {@code unpricedReason}.
 */
public record EstimateLine(
        String cpt,
        String description,
        int units,
        LineSource source,
        String appointmentId,
        boolean priced,
        String unpricedReason,
        BigDecimal allowed,
        BigDecimal deductibleApplied,
        BigDecimal primaryPays,
        BigDecimal supplementalPays,
        BigDecimal secondaryPays,
        BigDecimal patientPays) {}
