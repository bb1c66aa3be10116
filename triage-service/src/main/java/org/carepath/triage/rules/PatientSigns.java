package org.carepath.triage.rules;

import java.util.Arrays;
import java.util.Set;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;

/** What one patient input (the report or a check-in) says right now: the facts the red-flag screen reads. */
record PatientSigns(Set<Symptom> symptoms, int painScore, Set<Trigger> triggers, boolean severePain) {

    PatientSigns {
        symptoms = Set.copyOf(symptoms);
        triggers = Set.copyOf(triggers);
    }

    static PatientSigns of(Set<Symptom> symptoms, int painScore, Set<Trigger> triggers, TriageThresholds thresholds) {
        return new PatientSigns(symptoms, painScore, triggers, painScore >= thresholds.severePainScore());
    }

    boolean has(Symptom symptom) {
        return symptoms.contains(symptom);
    }

    boolean hasAny(Symptom... wanted) {
        return Arrays.stream(wanted).anyMatch(symptoms::contains);
    }

    /** ER-2's "a fall or injury" (amended 2026-12: a workplace injury is one). */
    boolean afterFallOrInjury() {
        return triggers.contains(Trigger.FALL)
                || triggers.contains(Trigger.CAR_ACCIDENT)
                || triggers.contains(Trigger.WORKPLACE_INJURY);
    }
}
