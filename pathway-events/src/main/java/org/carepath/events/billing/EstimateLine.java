package org.carepath.events.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One priced service. {@code allowed = deductibleApplied + primaryPays + coinsurance} and the coinsurance is split
 * between the supplemental, the secondary and the patient (billing-rules.md §3). An unpriced line has
 * {@code priced = false}, zero amounts and the reason in {@code unpricedReason}. {@code serviceDate} is the booked
 * appointment's start, by which an episode's lines are ordered (B-ORDER); null for a candidate procedure or an
 * ad-hoc service.
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
        BigDecimal patientPays,
        Instant serviceDate) {}
