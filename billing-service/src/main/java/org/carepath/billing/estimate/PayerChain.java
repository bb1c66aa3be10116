package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.carepath.billing.feeschedule.FeeScheduleEntry;
import org.carepath.events.billing.EstimateLine;

/**
 * The payers of one quote in the order they pay: the primary, then a supplement and a secondary (after Medicare
 * only). Each line: {@code allowed = deductibleApplied + primaryPays + coinsurance}, and what the primary leaves
 * ({@code deductibleApplied + coinsurance}) is split between the supplement, the secondary and the patient.
 */
final class PayerChain {

    private final PrimaryPlan primary;
    private final SupplementalPlan supplemental;
    private final SecondaryPlan secondary;
    private final List<String> notes;

    /** @param supplemental null when none follows; @param secondary null when none follows */
    PayerChain(PrimaryPlan primary, SupplementalPlan supplemental, SecondaryPlan secondary, List<String> notes) {
        this.primary = primary;
        this.supplemental = supplemental;
        this.secondary = secondary;
        this.notes = List.copyOf(notes);
    }

    PrimaryPlan primary() {
        return primary;
    }

    EstimateLine price(ServiceRequest service, FeeScheduleEntry entry) {
        BigDecimal allowed = Money.cents(entry.allowed().multiply(BigDecimal.valueOf(service.units())));
        PrimaryShare share = primary.share(service.cpt(), service.units(), allowed);
        BigDecimal supplementalPays = supplemental == null ? Money.ZERO : supplemental.pays(share);
        BigDecimal left = share.balance().subtract(supplementalPays);
        BigDecimal secondaryPays = secondary == null ? Money.ZERO : secondary.pays(left);
        return new EstimateLine(
                service.cpt(),
                entry.description(),
                service.units(),
                service.source(),
                service.appointmentId(),
                true,
                null,
                allowed,
                share.deductibleApplied(),
                share.primaryPays(),
                supplementalPays,
                secondaryPays,
                left.subtract(secondaryPays),
                service.serviceDate());
    }

    List<String> rules() {
        List<String> rules = new ArrayList<>(List.of(primary.rule()));
        if (supplemental != null) {
            rules.add(SupplementalPlan.RULE);
        }
        if (secondary != null) {
            rules.add(SecondaryPlan.RULE);
        }
        if (primary.assumesUnknownTerms() || (secondary != null && secondary.assumesUnknownTerms())) {
            rules.add(UnknownTerms.RULE);
        }
        return rules;
    }

    /** Asked after the last line, so that remaining deductibles are final. */
    List<String> assumptions() {
        List<String> assumptions = new ArrayList<>(notes);
        assumptions.addAll(primary.assumptions());
        if (supplemental != null) {
            assumptions.add(supplemental.assumption());
        }
        if (secondary != null) {
            assumptions.addAll(secondary.assumptions());
        }
        return assumptions;
    }
}
