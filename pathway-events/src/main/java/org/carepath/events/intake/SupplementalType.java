package org.carepath.events.intake;

public enum SupplementalType {
    MEDIGAP,
    AARP,
    BCBS
}
