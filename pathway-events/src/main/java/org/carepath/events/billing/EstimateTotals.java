package org.carepath.events.billing;

import java.math.BigDecimal;

public record EstimateTotals(
        BigDecimal allowed,
        BigDecimal deductibleApplied,
        BigDecimal primaryPays,
        BigDecimal supplementalPays,
        BigDecimal secondaryPays,
        BigDecimal patientPays) {}
