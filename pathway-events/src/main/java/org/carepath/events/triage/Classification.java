package org.carepath.events.triage;

public enum Classification {
    ACUTE,
    CHRONIC
}
