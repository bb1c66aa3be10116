package org.carepath.events.triage;

public enum StartBackRisk {
    LOW,
    MEDIUM,
    HIGH
}
