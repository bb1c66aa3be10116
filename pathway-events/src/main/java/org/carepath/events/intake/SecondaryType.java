package org.carepath.events.intake;

public enum SecondaryType {
    EMPLOYER,
    TRICARE,
    VA
}
