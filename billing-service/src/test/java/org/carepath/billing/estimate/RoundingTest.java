package org.carepath.billing.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.intake.Coverage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** billing-rules.md §3: every amount is rounded half-up to cents per line; units multiply the allowed amount. */
class RoundingTest {

    static Stream<Arguments> rounding() {
        return Stream.of(
                arguments(
                        "B-COM 25 % of 100.50 = 25.125 rounds up to 25.13 (half-even would give 25.12)",
                        Coverages.commercial("0.00", "25", "0.00"),
                        "100.50",
                        1,
                        new Split("100.50", "0.00", "75.37", "0.00", "0.00", "25.13")),
                arguments(
                        "B-COM 25 % of 0.50 = 0.125 rounds up to 0.13",
                        Coverages.commercial("0.00", "25", "0.00"),
                        "0.50",
                        1,
                        new Split("0.50", "0.00", "0.37", "0.00", "0.00", "0.13")),
                arguments(
                        "B-COM 15 % of 3 x 33.35 = 15.0075 rounds down to 15.01",
                        Coverages.commercial("0.00", "15", "0.00"),
                        "33.35",
                        3,
                        new Split("100.05", "0.00", "85.04", "0.00", "0.00", "15.01")),
                arguments(
                        "B-MCR 80 % of 95.19 = 76.152 rounds to 76.15; coinsurance is the rest, 19.04",
                        Coverages.medicareDeductibleMet(),
                        "95.19",
                        1,
                        new Split("95.19", "0.00", "76.15", "0.00", "0.00", "19.04")),
                arguments(
                        "B-MCR 80 % of 3 x 29.06 = 69.744 rounds to 69.74",
                        Coverages.medicareDeductibleMet(),
                        "29.06",
                        3,
                        new Split("87.18", "0.00", "69.74", "0.00", "0.00", "17.44")),
                arguments(
                        "B-MCR 80 % of 0.01 = 0.008 rounds up to 0.01",
                        Coverages.medicareDeductibleMet(),
                        "0.01",
                        1,
                        new Split("0.01", "0.00", "0.01", "0.00", "0.00", "0.00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rounding")
    void roundsEachLineHalfUpToCents(String row, Coverage coverage, String allowed, int units, Split expected) {
        EstimateCalculator calculator = Calculators.withSchedule("10001", allowed);

        Quote quote = calculator.quote(coverage, List.of(), List.of(ServiceRequest.requested("10001", units)));

        assertThat(Split.of(quote.lines().get(0))).isEqualTo(expected);
        LineAssert.assertBalanced(quote);
    }
}
