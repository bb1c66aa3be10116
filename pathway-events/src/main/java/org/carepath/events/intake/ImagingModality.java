package org.carepath.events.intake;

public enum ImagingModality {
    XRAY,
    MRI,
    CT
}
