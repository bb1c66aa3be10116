package org.carepath.billing.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.carepath.events.billing.LineSource;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.PrimaryPayer;
import org.junit.jupiter.api.Test;

/** billing-rules.md §1: a CPT not on file is never priced as zero; and what a quote refuses outright. */
class UnpricedServicesTest {

    private final EstimateCalculator calculator = Calculators.shipped2026();

    @Test
    void marksACodeNotOnTheFeeScheduleUnpricedWithTheReason() {
        Quote quote = calculator.quote(Coverages.selfPay(), List.of(), Services.of("99999"));

        assertThat(quote.lines()).singleElement().satisfies(line -> {
            assertThat(line.priced()).isFalse();
            assertThat(line.unpricedReason()).isEqualTo("CPT 99999 is not on the 2026 fee schedule");
            assertThat(line.cpt()).isEqualTo("99999");
            assertThat(line.units()).isEqualTo(1);
        });
        assertThat(quote.unpricedCpts()).containsExactly("99999");
        assertThat(quote.assumptions())
                .contains("CPT 99999 is not on the 2026 fee schedule: its line is not priced,"
                        + " and the totals leave it out.");
    }

    @Test
    void leavesAnUnpricedLineOutOfTheTotalsAndTheDeductible() {
        Quote quote = calculator.quote(Coverages.medicare("283.00"), List.of(), Services.of("99999", "99204"));

        assertThat(quote.lines())
                .map(Split::of)
                .containsExactly(
                        new Split("0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
                        new Split("177.36", "177.36", "0.00", "0.00", "0.00", "177.36"));
        assertThat(quote.lines()).map(line -> line.priced()).containsExactly(false, true);
        assertThat(Split.of(quote.totals())).isEqualTo(new Split("177.36", "177.36", "0.00", "0.00", "0.00", "177.36"));
        assertThat(quote.unpricedCpts()).containsExactly("99999");
    }

    @Test
    void aQuoteOfKnownCodesHasNoUnpricedLines() {
        Quote quote = calculator.quote(Coverages.selfPay(), List.of(), Services.of("99204", "72148"));

        assertThat(quote.unpricedCpts()).isEmpty();
        assertThat(quote.lines()).allMatch(line -> line.priced() && line.unpricedReason() == null);
    }

    @Test
    void keepsTheLineSourceAndAppointmentOfEachService() {
        Quote quote = calculator.quote(
                Coverages.medicareDeductibleMet(),
                List.of(),
                List.of(ServiceRequest.appointment("appt-1", "99204", null), ServiceRequest.candidate("63030")));

        assertThat(quote.lines())
                .map(line -> line.source() + "/" + line.appointmentId())
                .containsExactly("APPOINTMENT/appt-1", "CANDIDATE_PROCEDURE/null");
        assertThat(quote.lines())
                .map(line -> line.description())
                .containsExactly(
                        "New patient office visit, moderate", "Lumbar laminotomy (nerve decompression; discectomy)");
        assertThat(quote.assumptions())
                .contains("Candidate procedures are priced as if performed, after the booked lines; they are not"
                        + " booked, so totals leave them out and candidateTotals sum them (B-CAND).");
    }

    @Test
    void saysNothingAboutCandidatesWhenThereAreNone() {
        Quote quote = calculator.quote(Coverages.medicareDeductibleMet(), List.of(), Services.of("99204"));

        assertThat(quote.lines()).allMatch(line -> line.source() == LineSource.REQUESTED_SERVICE);
        assertThat(quote.assumptions()).noneMatch(text -> text.contains("Candidate"));
    }

    @Test
    void refusesANegativeDeductibleNamingTheField() {
        Coverage negative = new Coverage(PrimaryPayer.MEDICARE, new BigDecimal("-1.00"), null, null, null, null, null);

        assertThatThrownBy(() -> calculator.quote(negative, List.of(), Services.of("99204")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coverage.partBDeductibleRemaining");
    }

    @Test
    void refusesACoinsurancePercentAbove100() {
        assertThatThrownBy(() ->
                        calculator.quote(Coverages.commercial("0.00", "120", "0.00"), List.of(), Services.of("99204")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coverage.commercial.coinsurancePercent");
    }

    @Test
    void refusesAServiceWithoutUnitsOrCode() {
        assertThatThrownBy(() -> ServiceRequest.requested("99204", 0)).hasMessageContaining("units");
        assertThatThrownBy(() -> ServiceRequest.requested(" ", 1)).hasMessageContaining("cpt");
    }

    @Test
    void wrapsAQuoteIntoAnEstimateEvent() {
        Quote quote = calculator.quote(Coverages.medicareDeductibleMet(), List.of(), Services.of("64647"));

        var estimate = quote.toEstimate("ep-1", "est-1", 3, Instant.parse("2026-11-24T15:00:00Z"));

        assertThat(estimate.currency()).isEqualTo("USD");
        assertThat(estimate.version()).isEqualTo(3);
        assertThat(estimate.lines()).isEqualTo(quote.lines());
        assertThat(estimate.totals()).isEqualTo(quote.totals());
        assertThat(estimate.rules()).isEqualTo(quote.rules());
        assertThat(estimate.assumptions()).isEqualTo(quote.assumptions());
        assertThat(estimate.primaryPayer()).isEqualTo(quote.primaryPayer());
    }
}
