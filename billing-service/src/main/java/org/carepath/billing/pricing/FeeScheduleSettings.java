package org.carepath.billing.pricing;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.carepath.billing.estimate.EstimateCalculator;
import org.carepath.billing.feeschedule.FeeSchedule;
import org.carepath.billing.feeschedule.FeeScheduleCsv;
import org.carepath.billing.feeschedule.PartBDeductibles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which fee schedule prices estimates ({@code carepath.billing.fee-schedule.*}).
 *
 * @param year the schedule's year; an operator's file must hold exactly that year
 * @param file an operator's CSV (e.g. locality amounts); empty for the schedule bundled for {@code year}
 * @param partBDeductible the year's Part B deductible; empty for the bundled amount of {@code year}
 */
@ConfigurationProperties("carepath.billing.fee-schedule")
public record FeeScheduleSettings(@DefaultValue("2026") int year, String file, BigDecimal partBDeductible) {

    /** @throws IllegalStateException naming the file and the loader's reason when it cannot be used */
    public EstimateCalculator calculator() {
        FeeSchedule schedule = schedule();
        if (schedule.year() != year) {
            throw new IllegalStateException("Fee schedule " + source() + " holds the " + schedule.year()
                    + " schedule, but carepath.billing.fee-schedule.year is " + year);
        }
        return new EstimateCalculator(schedule, annualPartBDeductible());
    }

    /** Where the schedule comes from, for start-up logs and errors. */
    public String source() {
        return operatorFile() ? file.strip() : "bundled fee-schedule-" + year + ".csv";
    }

    private FeeSchedule schedule() {
        try {
            return operatorFile() ? FeeScheduleCsv.load(Path.of(file.strip())) : FeeScheduleCsv.bundled(year);
        } catch (RuntimeException unusable) {
            throw new IllegalStateException(
                    "Fee schedule " + source() + " cannot be used: " + unusable.getMessage(), unusable);
        }
    }

    private BigDecimal annualPartBDeductible() {
        if (partBDeductible != null) {
            return partBDeductible;
        }
        try {
            return PartBDeductibles.bundled().forYear(year);
        } catch (IllegalArgumentException missing) {
            throw new IllegalStateException(
                    missing.getMessage() + ": set carepath.billing.fee-schedule.part-b-deductible", missing);
        }
    }

    private boolean operatorFile() {
        return file != null && !file.isBlank();
    }
}
