package org.carepath.events.intake;

public enum StructuralCause {
    HERNIATED_DISC,
    SPINAL_STENOSIS,
    INSTABILITY,
    NONE
}
