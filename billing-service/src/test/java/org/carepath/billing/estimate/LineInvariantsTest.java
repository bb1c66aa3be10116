package org.carepath.billing.estimate;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.carepath.billing.feeschedule.FeeScheduleCsv;
import org.carepath.billing.feeschedule.FeeScheduleEntry;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.Trigger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** billing-rules.md §3: every line balances, and the totals are the sums of the lines, for every payer mix. */
class LineInvariantsTest {

    private final EstimateCalculator calculator = Calculators.shipped2026();

    static Stream<Arguments> payerMixes() {
        return Stream.of(
                arguments("B-MCR, deductible unknown", Coverages.medicareDeductibleUnknown(), List.of()),
                arguments("B-MCR + B-SUPP", Coverages.medicareWithMedigap("150.00", false), List.of()),
                arguments(
                        "B-MCR + B-SUPP covering the deductible",
                        Coverages.medicareWithMedigap("150.00", true),
                        List.of()),
                arguments("B-MCR + B-SEC", Coverages.medicareWithEmployerSecondary("120.00", "300.00"), List.of()),
                arguments(
                        "B-MCR + B-SUPP + B-SEC",
                        Coverages.medicareWithMedigapAndSecondary("283.00", "100.00"),
                        List.of()),
                arguments("B-WC", Coverages.medicareWithWorkersCompClaim(), List.of(Trigger.WORKPLACE_INJURY)),
                arguments("B-NF", Coverages.medicareWithNoFault("200.00"), List.of(Trigger.CAR_ACCIDENT)),
                arguments("B-COM", Coverages.commercial("500.00", "30", "40.00"), List.of()),
                arguments("B-SELF", Coverages.selfPay(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payerMixes")
    void everyLineBalancesAndTheTotalsAddUp(String row, Coverage coverage, List<Trigger> triggers) {
        List<ServiceRequest> everyShippedCode = FeeScheduleCsv.bundled(2026).entries().stream()
                .map(FeeScheduleEntry::cpt)
                .map(cpt -> ServiceRequest.requested(cpt, 2))
                .toList();

        LineAssert.assertBalanced(calculator.quote(coverage, triggers, everyShippedCode));
    }
}
