package org.carepath.billing.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.billing.Payer;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.Trigger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** billing-rules.md §2–§3: each B-* rule where it fires and where it must not, on one line of 99204 (177.36). */
class PayerRulesTest {

    private static final boolean FIRES = true;
    private static final boolean DOES_NOT_FIRE = false;

    private final EstimateCalculator calculator = Calculators.shipped2026();

    static Stream<Arguments> payerRules() {
        Split medicareMet = new Split("177.36", "0.00", "141.89", "0.00", "0.00", "35.47");
        Split primaryPaysAll = new Split("177.36", "0.00", "177.36", "0.00", "0.00", "0.00");
        return Stream.of(
                arguments(
                        "B-WC fires: workplace injury with a claim",
                        "B-WC",
                        FIRES,
                        Coverages.medicareWithWorkersCompClaim(),
                        List.of(Trigger.WORKPLACE_INJURY),
                        Payer.WORKERS_COMP,
                        primaryPaysAll),
                arguments(
                        "B-WC does not fire: a claim, but the trigger is lifting",
                        "B-WC",
                        DOES_NOT_FIRE,
                        Coverages.medicareWithWorkersCompClaim(),
                        List.of(Trigger.LIFTING),
                        Payer.MEDICARE,
                        medicareMet),
                arguments(
                        "B-WC does not fire: workplace injury without a claim",
                        "B-WC",
                        DOES_NOT_FIRE,
                        Coverages.medicareDeductibleMet(),
                        List.of(Trigger.WORKPLACE_INJURY),
                        Payer.MEDICARE,
                        medicareMet),
                arguments(
                        "B-NF fires: car accident with No-Fault, deductible above the line",
                        "B-NF",
                        FIRES,
                        Coverages.medicareWithNoFault("200.00"),
                        List.of(Trigger.CAR_ACCIDENT),
                        Payer.NO_FAULT,
                        new Split("177.36", "177.36", "0.00", "0.00", "0.00", "177.36")),
                arguments(
                        "B-NF fires: car accident with No-Fault, deductible below the line",
                        "B-NF",
                        FIRES,
                        Coverages.medicareWithNoFault("50.00"),
                        List.of(Trigger.CAR_ACCIDENT),
                        Payer.NO_FAULT,
                        new Split("177.36", "50.00", "127.36", "0.00", "0.00", "50.00")),
                arguments(
                        "B-NF does not fire: No-Fault, but the trigger is a fall (Medicare and secondary pay)",
                        "B-NF",
                        DOES_NOT_FIRE,
                        Coverages.medicareWithNoFault("200.00"),
                        List.of(Trigger.FALL),
                        Payer.MEDICARE,
                        medicareMet),
                arguments(
                        "B-NF does not fire: car accident without No-Fault (E1)",
                        "B-NF",
                        DOES_NOT_FIRE,
                        Coverages.medicareDeductibleMet(),
                        List.of(Trigger.CAR_ACCIDENT),
                        Payer.MEDICARE,
                        medicareMet),
                arguments(
                        "B-NF does not fire: B-WC pays first for a car accident at work",
                        "B-NF",
                        DOES_NOT_FIRE,
                        Coverages.medicareWithWorkersCompAndNoFault(),
                        List.of(Trigger.CAR_ACCIDENT, Trigger.WORKPLACE_INJURY),
                        Payer.WORKERS_COMP,
                        primaryPaysAll),
                arguments(
                        "B-MCR fires: deductible met, Medicare pays 80 %",
                        "B-MCR", FIRES, Coverages.medicareDeductibleMet(), List.of(), Payer.MEDICARE, medicareMet),
                arguments(
                        "B-MCR fires: 100.00 deductible remaining, then 80 % of the rest",
                        "B-MCR",
                        FIRES,
                        Coverages.medicare("100.00"),
                        List.of(),
                        Payer.MEDICARE,
                        new Split("177.36", "100.00", "61.89", "0.00", "0.00", "115.47")),
                arguments(
                        "B-MCR fires: deductible unknown, the 2026 Part B deductible 283.00 is assumed",
                        "B-MCR",
                        FIRES,
                        Coverages.medicareDeductibleUnknown(),
                        List.of(),
                        Payer.MEDICARE,
                        new Split("177.36", "177.36", "0.00", "0.00", "0.00", "177.36")),
                arguments(
                        "B-MCR does not fire: Medicare, but B-WC pays first",
                        "B-MCR",
                        DOES_NOT_FIRE,
                        Coverages.medicareWithWorkersCompClaim(),
                        List.of(Trigger.WORKPLACE_INJURY),
                        Payer.WORKERS_COMP,
                        primaryPaysAll),
                arguments(
                        "B-SUPP fires: Medigap pays the coinsurance, not the deductible",
                        "B-SUPP",
                        FIRES,
                        Coverages.medicareWithMedigap("100.00", false),
                        List.of(),
                        Payer.MEDICARE,
                        new Split("177.36", "100.00", "61.89", "15.47", "0.00", "100.00")),
                arguments(
                        "B-SUPP fires: Medigap covering the Part B deductible pays it too",
                        "B-SUPP",
                        FIRES,
                        Coverages.medicareWithMedigap("100.00", true),
                        List.of(),
                        Payer.MEDICARE,
                        new Split("177.36", "100.00", "61.89", "115.47", "0.00", "0.00")),
                arguments(
                        "B-SUPP does not fire: Medicare without a supplement",
                        "B-SUPP",
                        DOES_NOT_FIRE,
                        Coverages.medicare("100.00"),
                        List.of(),
                        Payer.MEDICARE,
                        new Split("177.36", "100.00", "61.89", "0.00", "0.00", "115.47")),
                arguments(
                        "B-SUPP does not fire: a supplement after a commercial plan",
                        "B-SUPP",
                        DOES_NOT_FIRE,
                        Coverages.commercialWithSupplementAndSecondary(),
                        List.of(),
                        Payer.COMMERCIAL,
                        medicareMet),
                arguments(
                        "B-SEC fires: the patient pays the secondary's 50.00 deductible, it pays the rest",
                        "B-SEC",
                        FIRES,
                        Coverages.medicareWithEmployerSecondary("100.00", "50.00"),
                        List.of(),
                        Payer.MEDICARE,
                        new Split("177.36", "100.00", "61.89", "0.00", "65.47", "50.00")),
                arguments(
                        "B-SEC fires: after a supplement, the secondary pays the Part B deductible left",
                        "B-SEC",
                        FIRES,
                        Coverages.medicareWithMedigapAndSecondary("100.00", "50.00"),
                        List.of(),
                        Payer.MEDICARE,
                        new Split("177.36", "100.00", "61.89", "15.47", "50.00", "50.00")),
                arguments(
                        "B-SEC does not fire: a secondary of a self-pay patient",
                        "B-SEC",
                        DOES_NOT_FIRE,
                        Coverages.selfPayWithSecondary(),
                        List.of(),
                        Payer.SELF_PAY,
                        new Split("177.36", "0.00", "0.00", "0.00", "0.00", "177.36")),
                arguments(
                        "B-SEC does not fire: a secondary, but No-Fault pays first",
                        "B-SEC",
                        DOES_NOT_FIRE,
                        Coverages.medicareWithNoFault("0.00"),
                        List.of(Trigger.CAR_ACCIDENT),
                        Payer.NO_FAULT,
                        primaryPaysAll),
                arguments(
                        "B-COM fires: deductible, then 20 % coinsurance plus the visit copay",
                        "B-COM",
                        FIRES,
                        Coverages.commercial("50.00", "20", "25.00"),
                        List.of(),
                        Payer.COMMERCIAL,
                        new Split("177.36", "50.00", "76.89", "0.00", "0.00", "100.47")),
                arguments(
                        "B-COM does not fire: Medicare",
                        "B-COM",
                        DOES_NOT_FIRE,
                        Coverages.medicareDeductibleMet(),
                        List.of(),
                        Payer.MEDICARE,
                        medicareMet),
                arguments(
                        "B-UNKNOWN fires: an unknown secondary deductible is 300.00, not 0",
                        "B-UNKNOWN",
                        FIRES,
                        Coverages.medicareWithEmployerSecondary("100.00", null),
                        List.of(),
                        Payer.MEDICARE,
                        new Split("177.36", "100.00", "61.89", "0.00", "0.00", "115.47")),
                arguments(
                        "B-UNKNOWN fires: an unknown commercial deductible is not met, the patient pays the line",
                        "B-UNKNOWN",
                        FIRES,
                        Coverages.commercial(null, "20", "25.00"),
                        List.of(),
                        Payer.COMMERCIAL,
                        new Split("177.36", "177.36", "0.00", "0.00", "0.00", "177.36")),
                arguments(
                        "B-UNKNOWN fires: an unknown commercial coinsurance percent is 20",
                        "B-UNKNOWN",
                        FIRES,
                        Coverages.commercial("0.00", null, "0.00"),
                        List.of(),
                        Payer.COMMERCIAL,
                        medicareMet),
                arguments(
                        "B-UNKNOWN does not fire: every commercial term given",
                        "B-UNKNOWN",
                        DOES_NOT_FIRE,
                        Coverages.commercial("50.00", "20", "25.00"),
                        List.of(),
                        Payer.COMMERCIAL,
                        new Split("177.36", "50.00", "76.89", "0.00", "0.00", "100.47")),
                arguments(
                        "B-UNKNOWN does not fire: the secondary deductible given",
                        "B-UNKNOWN",
                        DOES_NOT_FIRE,
                        Coverages.medicareWithEmployerSecondary("100.00", "50.00"),
                        List.of(),
                        Payer.MEDICARE,
                        new Split("177.36", "100.00", "61.89", "0.00", "65.47", "50.00")),
                arguments(
                        "B-SELF fires: self-pay, the patient pays the allowed amount",
                        "B-SELF",
                        FIRES,
                        Coverages.selfPay(),
                        List.of(),
                        Payer.SELF_PAY,
                        new Split("177.36", "0.00", "0.00", "0.00", "0.00", "177.36")),
                arguments(
                        "B-SELF fires: no coverage reported",
                        "B-SELF",
                        FIRES,
                        null,
                        List.of(),
                        Payer.SELF_PAY,
                        new Split("177.36", "0.00", "0.00", "0.00", "0.00", "177.36")),
                arguments(
                        "B-SELF does not fire: commercial coverage",
                        "B-SELF",
                        DOES_NOT_FIRE,
                        Coverages.commercial("0.00", "20", "0.00"),
                        List.of(),
                        Payer.COMMERCIAL,
                        medicareMet));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payerRules")
    void appliesEachPayerRuleOnlyWhereItsConditionHolds(
            String row,
            String rule,
            boolean fires,
            Coverage coverage,
            List<Trigger> triggers,
            Payer primaryPayer,
            Split expected) {
        Quote quote = calculator.quote(coverage, triggers, Services.of("99204"));

        if (fires) {
            assertThat(quote.rules()).contains(rule);
        } else {
            assertThat(quote.rules()).doesNotContain(rule);
        }
        assertThat(quote.primaryPayer()).isEqualTo(primaryPayer);
        assertThat(Split.of(quote.lines().get(0))).isEqualTo(expected);
        assertThat(quote.goodFaithEstimate()).isEqualTo(quote.rules().contains("B-SELF"));
        LineAssert.assertBalanced(quote);
    }

    static Stream<Arguments> commercialCopay() {
        return Stream.of(
                arguments(
                        "B-COM no copay on an MRI (72148): 20 % coinsurance only",
                        "72148",
                        Coverages.commercial("0.00", "20", "25.00"),
                        new Split("191.72", "0.00", "153.38", "0.00", "0.00", "38.34")),
                arguments(
                        "B-COM copay on a follow-up visit (99213): 20 % of 95.19 plus 25.00",
                        "99213",
                        Coverages.commercial("0.00", "20", "25.00"),
                        new Split("95.19", "0.00", "51.15", "0.00", "0.00", "44.04")),
                arguments(
                        "B-COM copay above the visit: the patient pays no more than the allowed amount",
                        "99213",
                        Coverages.commercial("0.00", "20", "200.00"),
                        new Split("95.19", "0.00", "0.00", "0.00", "0.00", "95.19")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commercialCopay")
    void addsTheCommercialCopayOnVisitsOnly(String row, String cpt, Coverage coverage, Split expected) {
        Quote quote = calculator.quote(coverage, List.of(), Services.of(cpt));

        assertThat(Split.of(quote.lines().get(0))).isEqualTo(expected);
        assertThat(quote.rules()).containsExactly("B-COM");
        LineAssert.assertBalanced(quote);
    }

    static Stream<Arguments> visitCodes() {
        return Stream.of(
                arguments("99202", true),
                arguments("99204", true),
                arguments("99213", true),
                arguments("99215", true),
                arguments("99201", false),
                arguments("99216", false),
                arguments("72148", false),
                arguments("G0283", false));
    }

    @ParameterizedTest(name = "B-COM copay on {0}: {1}")
    @MethodSource("visitCodes")
    void chargesTheCommercialCopayOnlyOnVisitCodes99202To99215(String cpt, boolean visit) {
        assertThat(CommercialPlan.isVisitCode(cpt)).isEqualTo(visit);
    }

    static Stream<Arguments> unknownTerms() {
        return Stream.of(
                arguments(
                        Coverages.medicareWithEmployerSecondary("0.00", null),
                        "Secondary deductible remaining not given: assumed 300.00"),
                arguments(
                        Coverages.commercial(null, "20", "0.00"),
                        "Commercial deductibleRemaining not given: taken as not met"),
                arguments(
                        Coverages.commercial("0.00", null, "0.00"),
                        "Commercial coinsurancePercent not given: assumed 20 %"));
    }

    @ParameterizedTest(name = "B-UNKNOWN lists: {1}")
    @MethodSource("unknownTerms")
    void listsEveryValueAssumedForAnUnknownTermWithItsRule(Coverage coverage, String assumption) {
        Quote quote = calculator.quote(coverage, List.of(), Services.of("99204"));

        assertThat(quote.assumptions()).anyMatch(text -> text.startsWith(assumption) && text.endsWith("(B-UNKNOWN)."));
        assertThat(quote.rules()).contains("B-UNKNOWN");
    }

    static Stream<Arguments> selfPayAssumptions() {
        return Stream.of(arguments("self-pay", Coverages.selfPay()), arguments("no coverage", null));
    }

    @ParameterizedTest(name = "B-SELF {0}")
    @MethodSource("selfPayAssumptions")
    void marksASelfPayEstimateAsAGoodFaithEstimate(String row, Coverage coverage) {
        Quote quote = calculator.quote(coverage, List.of(), Services.of("99204"));

        assertThat(quote.goodFaithEstimate()).isTrue();
        assertThat(quote.assumptions()).anyMatch(text -> text.contains("No Surprises Act"));
    }
}
