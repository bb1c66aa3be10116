package org.carepath.billing.feeschedule;

import java.math.BigDecimal;

/** One CPT code's allowed amount for one year, with where the amount comes from (billing-rules.md §1). */
public record FeeScheduleEntry(
        String cpt, String description, BigDecimal allowed, Setting setting, int year, String source) {}
