package org.carepath.events.intake;

/** Symptoms a patient reports (clinical-rules.md §1). */
public enum Symptom {
    SHARP_PAIN,
    CRAMPING,
    STIFFNESS,
    DIFFICULTY_STANDING,
    TENDERNESS,
    RADIATING_LEG_PAIN,
    TINGLING_LEGS,
    NUMBNESS_LEGS,
    WEAKNESS_LEGS,
    BLADDER_BOWEL_LOSS,
    SADDLE_NUMBNESS,
    FEVER,
    UNEXPLAINED_WEIGHT_LOSS,
    NIGHT_PAIN,
    URINARY_SYMPTOMS,
    PAIN_AFTER_MEALS
}
