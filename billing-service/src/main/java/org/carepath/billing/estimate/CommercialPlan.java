package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.carepath.events.billing.Payer;
import org.carepath.events.intake.Coverage;

/**
 * B-COM (beyond the seed): the plan's deductible still remaining, then its coinsurance percent of the rest, plus a
 * per-visit copay on office visit codes 99202–99215; the patient's share of a line never exceeds the line.
 */
final class CommercialPlan implements PrimaryPlan {

    static final String RULE = "B-COM";

    private static final BigDecimal DEFAULT_COINSURANCE_PERCENT = new BigDecimal("20");
    private static final int FIRST_VISIT_CODE = 99202;
    private static final int LAST_VISIT_CODE = 99215;

    private final DeductibleMeter deductible;
    private final BigDecimal coinsurancePercent;
    private final BigDecimal copay;
    private final List<String> missingTerms = new ArrayList<>();

    CommercialPlan(Coverage.Commercial terms) {
        Coverage.Commercial given = terms == null ? new Coverage.Commercial(null, null, null) : terms;
        this.deductible = new DeductibleMeter(orZero(given.deductibleRemaining(), "deductibleRemaining"));
        this.copay = orZero(given.copay(), "copay");
        if (given.coinsurancePercent() == null) {
            missingTerms.add(
                    "Commercial coinsurance percent not given: assumed " + DEFAULT_COINSURANCE_PERCENT + " % (B-COM).");
            this.coinsurancePercent = DEFAULT_COINSURANCE_PERCENT;
        } else {
            this.coinsurancePercent = percent(given.coinsurancePercent());
        }
    }

    static boolean isVisitCode(String cpt) {
        if (!cpt.matches("\\d{5}")) {
            return false;
        }
        int code = Integer.parseInt(cpt);
        return code >= FIRST_VISIT_CODE && code <= LAST_VISIT_CODE;
    }

    @Override
    public Payer payer() {
        return Payer.COMMERCIAL;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public PrimaryShare share(String cpt, int units, BigDecimal allowed) {
        BigDecimal deductibleApplied = deductible.take(allowed);
        BigDecimal afterDeductible = allowed.subtract(deductibleApplied);
        BigDecimal visitCopay = isVisitCode(cpt) ? copay.multiply(BigDecimal.valueOf(units)) : Money.ZERO;
        BigDecimal costSharing = Money.min(
                afterDeductible,
                Money.percentOf(afterDeductible, coinsurancePercent).add(visitCopay));
        return new PrimaryShare(deductibleApplied, afterDeductible.subtract(costSharing), costSharing);
    }

    @Override
    public List<String> assumptions() {
        List<String> assumptions = new ArrayList<>(missingTerms);
        assumptions.add(
                "Commercial deductible still remaining after this estimate: " + deductible.remaining() + " (B-COM).");
        return assumptions;
    }

    private BigDecimal orZero(BigDecimal amount, String field) {
        if (amount == null) {
            missingTerms.add("Commercial " + field + " not given: assumed 0.00 (B-COM).");
            return Money.ZERO;
        }
        return Money.nonNegative(amount, "coverage.commercial." + field);
    }

    private static BigDecimal percent(BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("coverage.commercial.coinsurancePercent must be between 0 and 100");
        }
        return percent;
    }
}
