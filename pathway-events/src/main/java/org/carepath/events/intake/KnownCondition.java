package org.carepath.events.intake;

public enum KnownCondition {
    HERNIATED_DISC,
    SPINAL_STENOSIS,
    SPINAL_ARTHRITIS,
    DEGENERATIVE_DISC_DISEASE,
    OSTEOPOROSIS,
    FIBROMYALGIA,
    CANCER_HISTORY,
    KIDNEY_STONES
}
