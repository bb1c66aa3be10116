package org.carepath.events.intake;

/** What set the spasm off (clinical-rules.md §1). */
public enum Trigger {
    LIFTING,
    TWISTING,
    POOR_POSTURE,
    EXERCISE,
    FALL,
    CAR_ACCIDENT,
    WORKPLACE_INJURY,
    STRESS,
    DEHYDRATION,
    UNKNOWN
}
