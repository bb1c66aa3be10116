package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.Trigger;

/** Which payer pays first (billing-rules.md §2): B-WC, then B-NF, then the reported primary coverage. */
final class PayerOrder {

    private PayerOrder() {}

    /** A fresh chain for one quote: its plans consume deductibles as lines are priced. */
    static PayerChain select(Coverage coverage, List<Trigger> triggers, BigDecimal annualPartBDeductible, int year) {
        if (coverage == null) {
            return new PayerChain(new SelfPayPlan(false), null, null, List.of());
        }
        List<String> notes = new ArrayList<>();
        boolean workersCompClaim = coverage.workersCompClaim() != null
                && !coverage.workersCompClaim().isBlank();
        if (workersCompClaim && triggers.contains(Trigger.WORKPLACE_INJURY)) {
            return new PayerChain(new WorkersCompPlan(), null, null, notes); // B-WC
        }
        if (workersCompClaim) {
            notes.add("A Workers' Compensation claim was given, but the trigger is not a workplace injury:"
                    + " Workers' Compensation is not counted.");
        }
        if (coverage.noFault() != null && triggers.contains(Trigger.CAR_ACCIDENT)) {
            return new PayerChain(new NoFaultPlan(coverage.noFault().deductibleRemaining()), null, null, notes); // B-NF
        }
        if (coverage.noFault() != null) {
            notes.add("No-Fault coverage was given, but the trigger is not a car accident: No-Fault is not counted.");
        }
        if (coverage.primary() == null) {
            return new PayerChain(new SelfPayPlan(false), null, null, notes);
        }
        return switch (coverage.primary()) {
            case MEDICARE ->
                new PayerChain(
                        new MedicarePlan(coverage.partBDeductibleRemaining(), annualPartBDeductible, year),
                        coverage.supplemental() == null ? null : new SupplementalPlan(coverage.supplemental()),
                        coverage.secondary() == null ? null : new SecondaryPlan(coverage.secondary()),
                        notes);
            case COMMERCIAL ->
                new PayerChain(
                        new CommercialPlan(coverage.commercial()), null, null, withFollowersIgnored(notes, coverage));
            case SELF_PAY -> new PayerChain(new SelfPayPlan(true), null, null, withFollowersIgnored(notes, coverage));
        };
    }

    // A Medicare supplement or a secondary payer after a plan other than Medicare is outside billing-rules.md §3.
    private static List<String> withFollowersIgnored(List<String> notes, Coverage coverage) {
        if (coverage.supplemental() != null) {
            notes.add("A Medicare supplement pays only after Medicare: it is not counted.");
        }
        if (coverage.secondary() != null) {
            notes.add("A secondary payer is estimated only after Medicare: it is not counted.");
        }
        return notes;
    }
}
