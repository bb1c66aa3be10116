package org.carepath.billing.estimate;

import java.math.BigDecimal;
import java.util.List;
import org.carepath.events.billing.Payer;

/** B-WC: Workers' Compensation covers diagnosis and treatment, rehabilitation included; the patient pays 0. */
record WorkersCompPlan() implements PrimaryPlan {

    static final String RULE = "B-WC";

    @Override
    public Payer payer() {
        return Payer.WORKERS_COMP;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public PrimaryShare share(String cpt, int units, BigDecimal allowed) {
        return PrimaryShare.paidInFull(allowed);
    }

    @Override
    public List<String> assumptions() {
        return List.of("Workers' Compensation pays every service of the workplace injury, rehabilitation included,"
                + " and other coverage is not billed; assumes the carrier accepts the claim (B-WC).");
    }
}
