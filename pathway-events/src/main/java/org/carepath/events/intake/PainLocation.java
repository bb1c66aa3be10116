package org.carepath.events.intake;

public enum PainLocation {
    LOWER_BACK,
    MID_BACK,
    UPPER_BACK,
    FLANK,
    WIDESPREAD
}
