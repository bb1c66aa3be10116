package org.carepath.events.intake;

public enum ContactChannel {
    SMS,
    EMAIL,
    PHONE
}
