package org.carepath.triage.rules;

import static org.carepath.events.intake.Symptom.BLADDER_BOWEL_LOSS;
import static org.carepath.events.intake.Symptom.FEVER;
import static org.carepath.events.intake.Symptom.NIGHT_PAIN;
import static org.carepath.events.intake.Symptom.NUMBNESS_LEGS;
import static org.carepath.events.intake.Symptom.SADDLE_NUMBNESS;
import static org.carepath.events.intake.Symptom.UNEXPLAINED_WEIGHT_LOSS;
import static org.carepath.events.intake.Symptom.WEAKNESS_LEGS;

import java.util.List;

/**
 * §2 Red flags: any one makes the disposition EMERGENCY. They read one patient input (the report or a check-in),
 * never a finding.
 */
final class RedFlagRules {

    static final List<Rule<PatientSigns>> RULES = List.of(
            new Rule<>("ER-1", signs -> signs.has(BLADDER_BOWEL_LOSS)),
            new Rule<>("ER-2", signs -> signs.afterFallOrInjury() && signs.severePain()),
            new Rule<>("ER-3", signs -> signs.hasAny(FEVER, UNEXPLAINED_WEIGHT_LOSS, NIGHT_PAIN)),
            new Rule<>("ER-4", signs -> signs.hasAny(NUMBNESS_LEGS, WEAKNESS_LEGS)),
            new Rule<>("ER-5", signs -> signs.has(SADDLE_NUMBNESS)));

    private RedFlagRules() {}

    static List<String> raisedBy(PatientSigns signs) {
        return Rule.idsFiring(RULES, signs);
    }
}
