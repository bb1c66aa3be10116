package org.carepath.events.triage;

/** Listed from most to least urgent (clinical-rules.md §10). */
public enum Disposition {
    EMERGENCY,
    SURGICAL_CONSULT,
    CHEMODENERVATION_CONSULT,
    SPECIALIST_REFERRAL,
    CONSERVATIVE_CARE,
    RECOVERED
}
