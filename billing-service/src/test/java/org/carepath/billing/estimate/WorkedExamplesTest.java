package org.carepath.billing.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.billing.Payer;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.Trigger;
import org.carepath.events.triage.CandidateProcedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** billing-rules.md §4: the worked examples, to the cent. */
class WorkedExamplesTest {

    private final EstimateCalculator calculator = Calculators.shipped2026();

    static Stream<Arguments> workedExamples() {
        return Stream.of(
                arguments(
                        "E1 Medicare met + Medigap, car accident without No-Fault: 64647",
                        Coverages.medicareWithMedigap("0.00", false),
                        List.of(Trigger.CAR_ACCIDENT),
                        "64647",
                        new Split("216.15", "0.00", "172.92", "43.23", "0.00", "0.00"),
                        Payer.MEDICARE,
                        List.of("B-MCR", "B-SUPP")),
                arguments(
                        "E2 Medicare only, deductible met: 63030",
                        Coverages.medicareDeductibleMet(),
                        List.of(Trigger.LIFTING),
                        "63030",
                        new Split("1125.30", "0.00", "900.24", "0.00", "0.00", "225.06"),
                        Payer.MEDICARE,
                        List.of("B-MCR")),
                arguments(
                        "E3 Medicare only, 283.00 deductible remaining: 64646",
                        Coverages.medicare("283.00"),
                        List.of(Trigger.LIFTING),
                        "64646",
                        new Split("193.45", "193.45", "0.00", "0.00", "0.00", "193.45"),
                        Payer.MEDICARE,
                        List.of("B-MCR")),
                arguments(
                        "E4 Medicare met + employer secondary with 250.00 deductible: 63047",
                        Coverages.medicareWithEmployerSecondary("0.00", "250.00"),
                        List.of(Trigger.TWISTING),
                        "63047",
                        new Split("1358.80", "0.00", "1087.04", "0.00", "21.76", "250.00"),
                        Payer.MEDICARE,
                        List.of("B-MCR", "B-SEC")),
                arguments(
                        "E5 Workers' Comp claim, workplace injury: 22630",
                        Coverages.medicareWithWorkersCompClaim(),
                        List.of(Trigger.WORKPLACE_INJURY),
                        "22630",
                        new Split("1937.10", "0.00", "1937.10", "0.00", "0.00", "0.00"),
                        Payer.WORKERS_COMP,
                        List.of("B-WC")),
                arguments(
                        "E6 No-Fault with 200.00 deductible, car accident: 64647",
                        Coverages.medicareWithNoFault("200.00"),
                        List.of(Trigger.CAR_ACCIDENT),
                        "64647",
                        new Split("216.15", "200.00", "16.15", "0.00", "0.00", "200.00"),
                        Payer.NO_FAULT,
                        List.of("B-NF")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedExamples")
    void estimatesTheWorkedExampleToTheCent(
            String example,
            Coverage coverage,
            List<Trigger> triggers,
            String cpt,
            Split expected,
            Payer primaryPayer,
            List<String> rules) {
        Quote quote = calculator.quote(coverage, triggers, Services.of(cpt));

        assertThat(quote.lines()).singleElement().satisfies(line -> assertThat(Split.of(line))
                .isEqualTo(expected));
        assertThat(quote.primaryPayer()).isEqualTo(primaryPayer);
        assertThat(quote.rules()).containsExactlyElementsOf(rules);
        assertThat(quote.goodFaithEstimate()).isFalse();
        LineAssert.assertBalanced(quote);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedExamples")
    void totalsOfAOneLineEstimateAreThatLine(
            String example,
            Coverage coverage,
            List<Trigger> triggers,
            String cpt,
            Split expected,
            Payer primaryPayer,
            List<String> rules) {
        Quote quote = calculator.quote(coverage, triggers, Services.of(cpt));

        assertThat(Split.of(quote.totals())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "B-CAND {0}")
    @MethodSource("workedExamples")
    void theWorkedExampleAsAnEpisodesCandidateProcedureIsSummedInCandidateTotalsNotTotals(
            String example,
            Coverage coverage,
            List<Trigger> triggers,
            String cpt,
            Split expected,
            Payer primaryPayer,
            List<String> rules) {
        Quote quote = calculator.quoteEpisode(
                coverage, triggers, List.of(), List.of(new CandidateProcedure(cpt, "SU-*", "procedure", null)));

        assertThat(quote.lines()).singleElement().satisfies(line -> assertThat(Split.of(line))
                .isEqualTo(expected));
        assertThat(Split.of(quote.candidateTotals())).isEqualTo(expected);
        assertThat(Split.of(quote.totals())).isEqualTo(new Split("0.00", "0.00", "0.00", "0.00", "0.00", "0.00"));
        assertThat(quote.rules()).containsAll(rules).contains("B-ORDER", "B-CAND");
    }

    @Test
    void e3SaysWhatPartBDeductibleIsStillRemaining() {
        Quote quote = calculator.quote(Coverages.medicare("283.00"), List.of(), Services.of("64646"));

        assertThat(quote.assumptions())
                .contains("Part B deductible still remaining after this estimate: 89.55 (B-MCR).");
    }
}
