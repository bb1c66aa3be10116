package org.carepath.billing.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.function.Function;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateTotals;

/** Checks the line and total invariants of billing-rules.md §3 on any quote. */
final class LineAssert {

    private LineAssert() {}

    static void assertBalanced(Quote quote) {
        for (EstimateLine line : quote.lines()) {
            assertThat(line.primaryPays()
                            .add(line.supplementalPays())
                            .add(line.secondaryPays())
                            .add(line.patientPays()))
                    .as("primary + supplemental + secondary + patient = allowed, CPT %s", line.cpt())
                    .isEqualByComparingTo(line.allowed());
            assertThat(line.deductibleApplied()).isBetween(BigDecimal.ZERO, line.allowed());
            for (BigDecimal amount : new BigDecimal[] {
                line.allowed(),
                line.deductibleApplied(),
                line.primaryPays(),
                line.supplementalPays(),
                line.secondaryPays(),
                line.patientPays()
            }) {
                assertThat(amount.scale()).as("two decimals").isEqualTo(2);
                assertThat(amount.signum()).as("not negative").isGreaterThanOrEqualTo(0);
            }
        }
        EstimateTotals totals = quote.totals();
        assertThat(totals.allowed()).isEqualTo(sum(quote, EstimateLine::allowed));
        assertThat(totals.deductibleApplied()).isEqualTo(sum(quote, EstimateLine::deductibleApplied));
        assertThat(totals.primaryPays()).isEqualTo(sum(quote, EstimateLine::primaryPays));
        assertThat(totals.supplementalPays()).isEqualTo(sum(quote, EstimateLine::supplementalPays));
        assertThat(totals.secondaryPays()).isEqualTo(sum(quote, EstimateLine::secondaryPays));
        assertThat(totals.patientPays()).isEqualTo(sum(quote, EstimateLine::patientPays));
    }

    private static BigDecimal sum(Quote quote, Function<EstimateLine, BigDecimal> amount) {
        return quote.lines().stream().map(amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
