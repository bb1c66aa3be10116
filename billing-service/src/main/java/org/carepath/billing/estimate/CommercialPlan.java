package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.carepath.events.billing.Payer;
import org.carepath.events.intake.Coverage;

/**
 * B-COM (beyond the seed): the plan's deductible still remaining, then its coinsurance percent of the rest, plus a
 * per-visit copay on office visit codes 99202–99215; the patient's share of a line never exceeds the line. An
 * unknown deductible is taken as not met and an unknown coinsurance percent as 20 (B-UNKNOWN).
 */
final class CommercialPlan implements PrimaryPlan {

    static final String RULE = "B-COM";

    private static final int FIRST_VISIT_CODE = 99202;
    private static final int LAST_VISIT_CODE = 99215;

    private final DeductibleMeter deductible;
    private final BigDecimal coinsurancePercent;
    private final BigDecimal copay;
    private final List<String> missingTerms = new ArrayList<>();
    private boolean unknownTerms;

    CommercialPlan(Coverage.Commercial terms) {
        Coverage.Commercial given = terms == null ? new Coverage.Commercial(null, null, null) : terms;
        if (given.deductibleRemaining() == null) {
            unknownTerms = true;
            missingTerms.add("Commercial deductibleRemaining not given: taken as not met, the patient pays up to the"
                    + " whole allowed amount (B-UNKNOWN).");
            this.deductible = DeductibleMeter.notMet();
        } else {
            this.deductible = new DeductibleMeter(
                    Money.nonNegative(given.deductibleRemaining(), "coverage.commercial.deductibleRemaining"));
        }
        if (given.copay() == null) {
            missingTerms.add("Commercial copay not given: no per-visit copay assumed (B-COM).");
            this.copay = Money.ZERO;
        } else {
            this.copay = Money.nonNegative(given.copay(), "coverage.commercial.copay");
        }
        if (given.coinsurancePercent() == null) {
            unknownTerms = true;
            missingTerms.add("Commercial coinsurancePercent not given: assumed "
                    + UnknownTerms.COMMERCIAL_COINSURANCE_PERCENT + " % (B-UNKNOWN).");
            this.coinsurancePercent = UnknownTerms.COMMERCIAL_COINSURANCE_PERCENT;
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
    public boolean assumesUnknownTerms() {
        return unknownTerms;
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
        assumptions.add("Commercial deductible still remaining after this estimate: " + deductible.remainingText()
                + " (B-COM).");
        return assumptions;
    }

    private static BigDecimal percent(BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("coverage.commercial.coinsurancePercent must be between 0 and 100");
        }
        return percent;
    }
}
