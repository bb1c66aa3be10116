package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.Arrays;
import org.carepath.billing.feeschedule.FeeSchedule;
import org.carepath.billing.feeschedule.FeeScheduleEntry;
import org.carepath.billing.feeschedule.Setting;

/** Object Mother: calculators over the shipped 2026 data, or over a made-up schedule for edge cases. */
final class Calculators {

    static final int YEAR = 2026;

    private Calculators() {}

    static EstimateCalculator shipped2026() {
        return EstimateCalculator.bundled(YEAR);
    }

    /** @param cptAndAmount pairs such as {@code "10001", "100.50"} */
    static EstimateCalculator withSchedule(String... cptAndAmount) {
        FeeScheduleEntry[] entries = new FeeScheduleEntry[cptAndAmount.length / 2];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new FeeScheduleEntry(
                    cptAndAmount[2 * i],
                    "test service " + i,
                    new BigDecimal(cptAndAmount[2 * i + 1]),
                    Setting.OFFICE,
                    YEAR,
                    "test");
        }
        return new EstimateCalculator(FeeSchedule.of(YEAR, Arrays.asList(entries)), new BigDecimal("283.00"));
    }
}
