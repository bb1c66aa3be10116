package org.carepath.events.scheduling;

public enum FollowUpKind {
    ICE_TO_HEAT,
    TWO_WEEK_CHECK,
    RECOVERY_CHECK,
    APPOINTMENT_REMINDER,
    EMERGENCY_INSTRUCTION
}
