package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.carepath.billing.feeschedule.FeeSchedule;
import org.carepath.billing.feeschedule.FeeScheduleCsv;
import org.carepath.billing.feeschedule.PartBDeductibles;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateTotals;
import org.carepath.events.billing.LineSource;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.Trigger;
import org.carepath.events.triage.CandidateProcedure;

/**
 * Prices services with a year's fee schedule and splits each line between the payers (billing-rules.md §2–§3).
 * Stateless and thread-safe; deductibles are consumed in the order of the services given.
 */
public final class EstimateCalculator {

    /** B-CAND: candidate procedures are summed apart from what is booked. */
    public static final String CANDIDATES_RULE = "B-CAND";

    private static final Predicate<EstimateLine> CANDIDATE = line -> line.source() == LineSource.CANDIDATE_PROCEDURE;

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
     * An episode's estimate (§5): its booked appointments and candidate procedures, priced from the episode's
     * starting deductibles in B-ORDER, whatever order they arrived in.
     */
    public Quote quoteEpisode(
            Coverage coverage,
            List<Trigger> triggers,
            List<BookedAppointment> booked,
            List<CandidateProcedure> candidates) {
        Quote quote = quote(coverage, triggers, EpisodeServices.inEstimateOrder(booked, candidates));
        List<String> rules = new ArrayList<>(quote.rules());
        // cited in the order of billing-rules.md: B-ORDER before B-UNKNOWN and B-CAND
        int after = (int) rules.stream()
                .takeWhile(rule -> !rule.equals(UnknownTerms.RULE) && !rule.equals(CANDIDATES_RULE))
                .count();
        rules.add(after, EpisodeServices.RULE);
        return new Quote(
                quote.lines(),
                quote.totals(),
                quote.primaryPayer(),
                quote.goodFaithEstimate(),
                rules,
                quote.assumptions(),
                quote.candidateTotals());
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
        List<String> rules = new ArrayList<>(payers.rules());
        if (lines.stream().anyMatch(CANDIDATE)) {
            rules.add(CANDIDATES_RULE);
        }
        return new Quote(
                lines,
                totals(lines, CANDIDATE.negate()),
                payers.primary().payer(),
                payers.primary() instanceof SelfPayPlan,
                rules,
                assumptions(lines, payers),
                totals(lines, CANDIDATE));
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
                Money.ZERO,
                service.serviceDate());
    }

    private String notOnFile(String cpt) {
        return "CPT " + cpt + " is not on the " + feeSchedule.year() + " fee schedule";
    }

    private List<String> assumptions(List<EstimateLine> lines, PayerChain payers) {
        List<String> assumptions = new ArrayList<>();
        assumptions.add("An estimate, not a bill: allowed amounts are from the " + feeSchedule.year()
                + " fee schedule, and the actual claim may differ.");
        if (lines.stream().anyMatch(CANDIDATE)) {
            assumptions.add("Candidate procedures are priced as if performed, after the booked lines; they are not"
                    + " booked, so totals leave them out and candidateTotals sum them (B-CAND).");
        }
        lines.stream()
                .filter(line -> !line.priced())
                .map(line -> notOnFile(line.cpt()) + ": its line is not priced, and the totals leave it out.")
                .distinct()
                .forEach(assumptions::add);
        assumptions.addAll(payers.assumptions());
        return assumptions;
    }

    private static EstimateTotals totals(List<EstimateLine> lines, Predicate<EstimateLine> counted) {
        List<EstimateLine> summed = lines.stream().filter(counted).toList();
        return new EstimateTotals(
                sum(summed, EstimateLine::allowed),
                sum(summed, EstimateLine::deductibleApplied),
                sum(summed, EstimateLine::primaryPays),
                sum(summed, EstimateLine::supplementalPays),
                sum(summed, EstimateLine::secondaryPays),
                sum(summed, EstimateLine::patientPays));
    }

    private static BigDecimal sum(List<EstimateLine> lines, Function<EstimateLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(Money.ZERO, BigDecimal::add);
    }
}
