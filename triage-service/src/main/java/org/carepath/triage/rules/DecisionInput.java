package org.carepath.triage.rules;

/**
 * What a decision answers. Red flags are screened on patient input only (the report and check-ins); a finding is
 * assessed by §9 on the episode so far and never fires a red flag again (clinical-rules.md §2, amended 2026-12).
 */
public enum DecisionInput {
    REPORT,
    CHECK_IN,
    FINDING;

    boolean fromPatient() {
        return this != FINDING;
    }
}
