package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.List;
import org.carepath.events.billing.Payer;

/** The payer that pays first (billing-rules.md §2). One instance per quote: it may consume a deductible. */
sealed interface PrimaryPlan permits WorkersCompPlan, NoFaultPlan, MedicarePlan, CommercialPlan, SelfPayPlan {

    Payer payer();

    String rule();

    PrimaryShare share(String cpt, int units, BigDecimal allowed);

    /** Whether a term the patient did not know was replaced by its B-UNKNOWN value. */
    default boolean assumesUnknownTerms() {
        return false;
    }

    /** Asked once every line is in, so it can state the deductible still remaining. */
    List<String> assumptions();
}
