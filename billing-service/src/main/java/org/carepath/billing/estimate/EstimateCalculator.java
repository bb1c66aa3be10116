package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.carepath.billing.feeschedule.FeeSchedule;
import org.carepath.billing.feeschedule.FeeScheduleCsv;
import org.carepath.billing.feeschedule.PartBDeductibles;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateTotals;
import org.carepath.events.billing.LineSource;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.Trigger;

/**
 * Prices services with a year's fee schedule and splits each line between the payers (billing-rules.md §2–§3).
 * Stateless and thread-safe; deductibles are consumed in the order of the services given.
 */
public final class EstimateCalculator {

    private final FeeSchedule feeSchedule;
    private final BigDecimal annualPartBDeductible;

    /** @param annualPartBDeductible the fee schedule year's Part B deductible, assumed when none is reported */
    public EstimateCalculator(FeeSchedule feeSchedule, BigDecimal annualPartBDeductible) {
        this.feeSchedule = Objects.requireNonNull(feeSchedule, "feeSchedule");
        this.annualPartBDeductible = Money.cents(annualPartBDeductible);
    }

    /** With the fee schedule and Part B deductible shipped for {@code year}. */
    public static EstimateCalculator bundled(int year) {
        return new EstimateCalculator(
                FeeScheduleCsv.bundled(year), PartBDeductibles.bundled().forYear(year));
    }

    public int year() {
        return feeSchedule.year();
    }

    /**
     * @param coverage as reported at intake; null is estimated as self-pay
     * @param triggers the episode's triggers (B-WC, B-NF)
     * @param services in the order their deductibles are consumed
     */
    public Quote quote(Coverage coverage, List<Trigger> triggers, List<ServiceRequest> services) {
        PayerChain payers = PayerOrder.select(
                coverage, triggers == null ? List.of() : triggers, annualPartBDeductible, feeSchedule.year());
        List<EstimateLine> lines = services.stream()
                .map(service -> feeSchedule
                        .find(service.cpt())
                        .map(entry -> payers.price(service, entry))
                        .orElseGet(() -> unpriced(service)))
                .toList();
        return new Quote(
                lines,
                totals(lines),
                payers.primary().payer(),
                payers.primary() instanceof SelfPayPlan,
                payers.rules(),
                assumptions(lines, payers));
    }

    private EstimateLine unpriced(ServiceRequest service) {
        return new EstimateLine(
                service.cpt(),
                null,
                service.units(),
                service.source(),
                service.appointmentId(),
                false,
                notOnFile(service.cpt()),
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO);
    }

    private String notOnFile(String cpt) {
        return "CPT " + cpt + " is not on the " + feeSchedule.year() + " fee schedule";
    }

    private List<String> assumptions(List<EstimateLine> lines, PayerChain payers) {
        List<String> assumptions = new ArrayList<>();
        assumptions.add("An estimate, not a bill: allowed amounts are from the " + feeSchedule.year()
                + " fee schedule, and the actual claim may differ.");
        if (lines.stream().anyMatch(line -> line.source() == LineSource.CANDIDATE_PROCEDURE)) {
            assumptions.add("Candidate procedures are priced as if performed; they are not booked.");
        }
        lines.stream()
                .filter(line -> !line.priced())
                .map(line -> notOnFile(line.cpt()) + ": its line is not priced, and the totals leave it out.")
                .distinct()
                .forEach(assumptions::add);
        assumptions.addAll(payers.assumptions());
        return assumptions;
    }

    private static EstimateTotals totals(List<EstimateLine> lines) {
        return new EstimateTotals(
                sum(lines, EstimateLine::allowed),
                sum(lines, EstimateLine::deductibleApplied),
                sum(lines, EstimateLine::primaryPays),
                sum(lines, EstimateLine::supplementalPays),
                sum(lines, EstimateLine::secondaryPays),
                sum(lines, EstimateLine::patientPays));
    }

    private static BigDecimal sum(List<EstimateLine> lines, Function<EstimateLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(Money.ZERO, BigDecimal::add);
    }
}
