package org.carepath.billing.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.Trigger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** billing-rules.md §3: deductibles are consumed in line order across one estimate. */
class DeductibleCarryOverTest {

    private final EstimateCalculator calculator = Calculators.shipped2026();

    static Stream<Arguments> carryOver() {
        return Stream.of(
                arguments(
                        "B-MCR 283.00 over 99204 then 72148",
                        Coverages.medicare("283.00"),
                        List.of(),
                        List.of("99204", "72148"),
                        List.of(
                                new Split("177.36", "177.36", "0.00", "0.00", "0.00", "177.36"),
                                new Split("191.72", "105.64", "68.86", "0.00", "0.00", "122.86")),
                        "Part B deductible still remaining after this estimate: 0.00 (B-MCR)."),
                arguments(
                        "B-MCR 283.00 over 72148 then 99204: the first line takes more",
                        Coverages.medicare("283.00"),
                        List.of(),
                        List.of("72148", "99204"),
                        List.of(
                                new Split("191.72", "191.72", "0.00", "0.00", "0.00", "191.72"),
                                new Split("177.36", "91.28", "68.86", "0.00", "0.00", "108.50")),
                        "Part B deductible still remaining after this estimate: 0.00 (B-MCR)."),
                arguments(
                        "B-MCR 283.00 not used up by one line: 64646 leaves 89.55 for 72100",
                        Coverages.medicare("283.00"),
                        List.of(),
                        List.of("64646", "72100", "72110"),
                        List.of(
                                new Split("193.45", "193.45", "0.00", "0.00", "0.00", "193.45"),
                                new Split("40.42", "40.42", "0.00", "0.00", "0.00", "40.42"),
                                new Split("53.44", "49.13", "3.45", "0.00", "0.00", "49.99")),
                        "Part B deductible still remaining after this estimate: 0.00 (B-MCR)."),
                arguments(
                        "B-NF 200.00 over 64646 then 99213",
                        Coverages.medicareWithNoFault("200.00"),
                        List.of(Trigger.CAR_ACCIDENT),
                        List.of("64646", "99213"),
                        List.of(
                                new Split("193.45", "193.45", "0.00", "0.00", "0.00", "193.45"),
                                new Split("95.19", "6.55", "88.64", "0.00", "0.00", "6.55")),
                        "No-Fault deductible still remaining after this estimate: 0.00 (B-NF)."),
                arguments(
                        "B-SEC 250.00 over 63030 then 64647",
                        Coverages.medicareWithEmployerSecondary("0.00", "250.00"),
                        List.of(),
                        List.of("63030", "64647"),
                        List.of(
                                new Split("1125.30", "0.00", "900.24", "0.00", "0.00", "225.06"),
                                new Split("216.15", "0.00", "172.92", "0.00", "18.29", "24.94")),
                        "Secondary (EMPLOYER) deductible still remaining after this estimate: 0.00 (B-SEC)."),
                arguments(
                        "B-SEC 250.00 over one small line leaves some for later estimates",
                        Coverages.medicareWithEmployerSecondary("0.00", "250.00"),
                        List.of(),
                        List.of("64647"),
                        List.of(new Split("216.15", "0.00", "172.92", "0.00", "0.00", "43.23")),
                        "Secondary (EMPLOYER) deductible still remaining after this estimate: 206.77 (B-SEC)."),
                arguments(
                        "B-COM 150.00 over 99213 then 97110",
                        Coverages.commercial("150.00", "20", "0.00"),
                        List.of(),
                        List.of("99213", "97110"),
                        List.of(
                                new Split("95.19", "95.19", "0.00", "0.00", "0.00", "95.19"),
                                new Split("29.06", "29.06", "0.00", "0.00", "0.00", "29.06")),
                        "Commercial deductible still remaining after this estimate: 25.75 (B-COM)."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("carryOver")
    void consumesTheDeductibleInLineOrder(
            String row,
            Coverage coverage,
            List<Trigger> triggers,
            List<String> cpts,
            List<Split> expectedLines,
            String remainingAssumption) {
        Quote quote = calculator.quote(coverage, triggers, Services.of(cpts.toArray(String[]::new)));

        assertThat(quote.lines()).map(Split::of).containsExactlyElementsOf(expectedLines);
        assertThat(quote.assumptions()).contains(remainingAssumption);
        LineAssert.assertBalanced(quote);
    }
}
